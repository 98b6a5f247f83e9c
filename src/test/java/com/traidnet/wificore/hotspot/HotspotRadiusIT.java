package com.traidnet.wificore.hotspot;

import com.traidnet.wificore.billing.FulfilmentResult;
import com.traidnet.wificore.billing.SettledPayment;
import com.traidnet.wificore.radius.RadiusTestSupport;
import com.traidnet.wificore.support.Radclient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.traidnet.wificore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Subscribers, payments and vouchers end in RADIUS rows that radclient sees on the next auth. */
class HotspotRadiusIT extends RadiusTestSupport {

    @Autowired
    HotspotFulfilment fulfilment; // the hotspot's own, now that water fulfils top-ups too

    static Map<String, Object> pkg(String name, int price) {
        return json("type", "hotspot", "name", name, "price", price, "durationValue", 1, "durationUnit", "days",
                "uploadKbps", 512, "downloadKbps", 2048, "devices", 1);
    }

    String createPackage(Nas nas, Map<String, Object> body) {
        var created = api().post("/api/packages", body, nas.tenant().token());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.text("id");
    }

    Radclient.Reply login(Nas nas, String user, String password, String mac) {
        return auth(nas, "User-Name = \"" + user + "\"\nUser-Password = \"" + password + "\"\n"
                + (mac == null ? "" : "Calling-Station-Id = \"" + mac + "\"\n"));
    }

    @Test
    void aSubscriberCreatedThroughTheApiAuthenticatesUntilBlockedAndOnlyFromItsMac() {
        Nas nas = tenantWithNas("hsr", true);
        String packageId = createPackage(nas, pkg("Daily 2M", 50));
        var created = api().post("/api/subscribers", json("kind", "hotspot", "phone", "0712 345 678",
                "macAddress", "aa-bb-cc-dd-ee-ff", "packageId", packageId), nas.tenant().token());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.body().path("subscriber").path("id").asString();
        String password = created.text("password");
        assertThat(created.body().path("subscriber").path("username").asString()).isEqualTo("254712345678");

        var ok = login(nas, "254712345678", password, "AA:BB:CC:DD:EE:FF");
        assertThat(ok.accepted()).as(ok.output()).isTrue();
        assertThat(ok.first("Mikrotik-Rate-Limit")).isEqualTo("512k/2048k");
        long timeout = Long.parseLong(ok.first("Session-Timeout"));
        assertThat(timeout).isBetween(86_000L, 86_400L);
        assertThat(login(nas, "254712345678", password, "11:22:33:44:55:66").accepted()).isFalse();
        assertThat(login(nas, "254712345678", "wrong-password", "AA:BB:CC:DD:EE:FF").accepted()).isFalse();

        assertThat(api().post("/api/subscribers/" + id + "/block", null, nas.tenant().token()).status()).isEqualTo(200);
        sleep(600);
        assertThat(login(nas, "254712345678", password, "AA:BB:CC:DD:EE:FF").accepted()).isFalse();
        assertThat(api().post("/api/subscribers/" + id + "/unblock", null, nas.tenant().token()).status())
                .isEqualTo(200);
        sleep(600);
        assertThat(login(nas, "254712345678", password, "AA:BB:CC:DD:EE:FF").accepted()).isTrue();

        // changing the package afterwards does not change what this subscriber bought
        var changed = api().send("PUT", "/api/packages/" + packageId, json("type", "hotspot", "name", "Daily 2M",
                "price", 80, "durationValue", 2, "durationUnit", "hours", "uploadKbps", 256, "downloadKbps", 1024),
                nas.tenant().token(), Map.of());
        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
        var terms = api().get("/api/subscribers/" + id, nas.tenant().token()).body().path("terms");
        assertThat(terms.path("rateLimit").asString()).isEqualTo("512k/2048k");
        assertThat(terms.path("price").decimalValue()).isEqualByComparingTo("50");
        sleep(300);
        assertThat(login(nas, "254712345678", password, "AA:BB:CC:DD:EE:FF").first("Mikrotik-Rate-Limit"))
                .isEqualTo("512k/2048k");

        var history = api().get("/api/subscribers/" + id + "/history", nas.tenant().token()).body().path("items");
        assertThat(history.findValuesAsString("action")).containsExactly("unblocked", "blocked", "created");
        assertThat(history.get(0).path("actor").asString()).isEqualTo(nas.tenant().adminEmail());
        assertThat(history.toString()).doesNotContain(password);
    }

    @Test
    void paymentsProvisionHotspotPackagesAndPayPppoeBills() {
        Nas nas = tenantWithNas("hsp", true);
        String packageId = createPackage(nas, pkg("Day pass", 50));
        var first = pay(nas, SettledPayment.Purpose.HOTSPOT_PACKAGE, packageId, "0722000111", "50.00", "KES");
        assertThat(first).isInstanceOf(FulfilmentResult.Provisioned.class);
        var p = (FulfilmentResult.Provisioned) first;
        assertThat(p.username()).isEqualTo("254722000111");
        assertThat(p.password()).isNotNull();
        sleep(300);
        assertThat(login(nas, p.username(), p.password(), null).accepted()).isTrue();

        var again = (FulfilmentResult.Provisioned) pay(nas, SettledPayment.Purpose.HOTSPOT_PACKAGE, packageId,
                "254722000111", "60", "KES");
        assertThat(again.password()).isNull();
        assertThat(again.expiresAt()).isEqualTo(p.expiresAt().plusSeconds(86_400));

        assertThat(pay(nas, SettledPayment.Purpose.HOTSPOT_PACKAGE, packageId, "0722000111", "49.99", "KES"))
                .isInstanceOf(FulfilmentResult.Rejected.class);
        assertThat(pay(nas, SettledPayment.Purpose.HOTSPOT_PACKAGE, packageId, "0722000111", "50", "USD"))
                .isInstanceOf(FulfilmentResult.Rejected.class);
        assertThat(pay(nas, SettledPayment.Purpose.HOTSPOT_PACKAGE, UUID.randomUUID().toString(), "0722000111",
                "50", "KES")).isInstanceOf(FulfilmentResult.Rejected.class);

        // PPPoE: the bill moves the due date one period on and lifts a block
        var monthly = createPackage(nas, json("type", "pppoe", "name", "Home 10M", "price", 2500,
                "durationValue", 1, "durationUnit", "months", "uploadKbps", 5000, "downloadKbps", 10000));
        var pppoe = api().post("/api/subscribers", json("kind", "pppoe", "accountNumber", "ACC-001", "username",
                "home001", "password", "pppoe-secret", "packageId", monthly, "ipPool", "pppoe-pool",
                "nextDueAt", "2030-01-15T00:00:00Z", "graceDays", 3), nas.tenant().token());
        assertThat(pppoe.status()).as(pppoe.body().toString()).isEqualTo(201);
        String pppoeId = pppoe.body().path("subscriber").path("id").asString();
        api().post("/api/subscribers/" + pppoeId + "/block", null, nas.tenant().token());
        var bill = pay(nas, SettledPayment.Purpose.PPPOE_BILL, "ACC-001", null, "2500", "KES");
        assertThat(bill).isEqualTo(new FulfilmentResult.Provisioned("home001", null,
                Instant.parse("2030-02-18T00:00:00Z")));
        var after = api().get("/api/subscribers/" + pppoeId, nas.tenant().token()).body();
        assertThat(after.path("status").asString()).isEqualTo("active");
        assertThat(after.path("nextDueAt").asString()).isEqualTo("2030-02-15T00:00:00Z");
        sleep(600);
        var framed = login(nas, "home001", "pppoe-secret", null);
        assertThat(framed.accepted()).as(framed.output()).isTrue();
        assertThat(framed.first("Framed-Pool")).isEqualTo("pppoe-pool");
        assertThat(pay(nas, SettledPayment.Purpose.PPPOE_BILL, "NO-SUCH", null, "2500", "KES"))
                .isInstanceOf(FulfilmentResult.Rejected.class);
    }

    FulfilmentResult pay(Nas nas, SettledPayment.Purpose purpose, String reference, String phone, String amount,
                         String currency) {
        var payment = new SettledPayment(nas.tenantId(), UUID.randomUUID(), purpose, reference, phone, null,
                new BigDecimal(amount), currency, "R" + UUID.randomUUID().toString().substring(0, 8), Instant.now());
        return gateway.inTenant(nas.tenantId(), sql -> fulfilment.fulfil(sql, payment));
    }

    @Test
    void aRedeemedVoucherAuthenticatesItsPhoneAndAnotherTenantsSubscriberCannotUseOurNas() {
        Nas nas = tenantWithNas("hsv", true);
        Nas other = tenantWithNas("hsw", true);
        String packageId = createPackage(nas, pkg("Voucher day", 30));
        var batch = api().post("/api/vouchers/batches", json("packageId", packageId, "count", 2, "prefix", "HS"),
                nas.tenant().token());
        String code = api().get("/api/vouchers/batches/" + batch.text("id") + "/codes", nas.tenant().token())
                .body().path("items").get(0).path("code").asString();
        var redeemed = api().post("/api/vouchers/redeem", json("code", code.toLowerCase(), "phone", "0733000222"),
                nas.tenant().token());
        assertThat(redeemed.status()).as(redeemed.body().toString()).isEqualTo(200);
        sleep(300);
        var reply = login(nas, "254733000222", redeemed.text("password"), null);
        assertThat(reply.accepted()).as(reply.output()).isTrue();
        assertThat(reply.first("Mikrotik-Rate-Limit")).isEqualTo("512k/2048k");
        // the same credentials through the other tenant's NAS: that tenant has no such user
        assertThat(login(other, "254733000222", redeemed.text("password"), null).accepted()).isFalse();
        assertThat(api().post("/api/vouchers/redeem", json("code", code, "phone", "0733000222"),
                nas.tenant().token()).status()).isEqualTo(409);
        assertThat(api().post("/api/vouchers/redeem", json("code", code, "phone", "0733000222"),
                other.tenant().token()).status()).isEqualTo(404);
        assertThat(List.of(api().get("/api/vouchers/batches/" + batch.text("id"), nas.tenant().token())
                .body().path("redeemed").asLong())).containsExactly(1L);
    }
}
