package com.traidnet.wificore.billing;

import com.traidnet.wificore.support.IntegrationTest;
import com.traidnet.wificore.support.MpesaSimulator;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.traidnet.wificore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A settled payment's printable receipt over real HTTP, with the real fulfilments (not billing's
 * recording one): the tenant's brand, the receipt number, the time in the tenant's zone, what
 * the money bought in words. Only for a settled payment of the caller's own tenant.
 */
class PaymentReceiptIT extends IntegrationTest {

    @Test
    void aSettledPaymentHasAPrintableReceiptInTheTenantsNameAndZone() {
        var a = registerTenant("rcpt_a");
        api().send("PUT", "/api/tenant/branding", json("displayName", "Mama <Mboga> WiFi"), a.token(), Map.of());
        api().send("PUT", "/api/tenant/time-zone", json("timeZone", "Africa/Nairobi"), a.token(), Map.of());
        var pkg = api().post("/api/packages", json("type", "hotspot", "name", "Two hours", "price", 20,
                "durationValue", 2, "durationUnit", "hours", "uploadKbps", 1024, "downloadKbps", 2048), a.token());
        assertThat(pkg.status()).as(pkg.body().toString()).isEqualTo(201);

        var cash = api().post("/api/payments/cash", json("phone", "0712 345 678", "amount", 20,
                "purpose", "HOTSPOT_PACKAGE", "reference", pkg.text("id")), a.token());
        assertThat(cash.status()).as(cash.body().toString()).isEqualTo(201);
        String id = cash.text("id");
        assertThat(api().get("/api/payments/" + id, a.token()).text("description"))
                .as("the payment page says what it bought").isEqualTo("Two hours (hotspot package)");
        var receipt = api().get("/api/payments/" + id + "/receipt", a.token());
        assertThat(receipt.status()).isEqualTo(200);
        assertThat(receipt.contentType()).startsWith("text/html");
        assertThat(receipt.raw().body()).contains("Mama &lt;Mboga&gt; WiFi", cash.text("receipt"),
                "Cash, 254712345678", "Two hours (hotspot package)", "KES 20", "(Africa/Nairobi)", id)
                .doesNotContain("<Mboga>", "<script");

        // a PPPoE bill reads as the account it paid, with the account's package
        var home = api().post("/api/packages", json("type", "pppoe", "name", "Home 10", "price", 2500,
                "durationValue", 1, "durationUnit", "months", "uploadKbps", 5000, "downloadKbps", 10000), a.token());
        var account = api().post("/api/subscribers", json("kind", "pppoe", "accountNumber", "ACC-42",
                "username", "home42", "password", "ppp-secret-42", "packageId", home.text("id"), "ipPool", "pool1",
                "nextDueAt", "2030-01-01T00:00:00Z"), a.token());
        assertThat(account.status()).as(account.body().toString()).isEqualTo(201);
        var bill = api().post("/api/payments/cash", json("amount", 2500, "purpose", "PPPOE_BILL",
                "reference", "ACC-42"), a.token());
        assertThat(api().get("/api/payments/" + bill.text("id") + "/receipt", a.token()).raw().body())
                .contains("Internet bill, account ACC-42 (Home 10)", "KES 2500");

        // another tenant's payment is not found; an unsettled one has no receipt yet
        var b = registerTenant("rcpt_b");
        var foreign = api().get("/api/payments/" + id + "/receipt", b.token());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        MpesaSimulator.configure(api(), a.token());
        var pending = api().post("/api/payments/stk", json("phone", "0712340000", "amount", 20, // …0000: held
                "purpose", "HOTSPOT_PACKAGE", "reference", pkg.text("id")), a.token());
        assertThat(pending.status()).as(pending.body().toString()).isEqualTo(201);
        var early = api().get("/api/payments/" + pending.text("id") + "/receipt", a.token());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body().path("detail").asString()).contains("pending", "settled payment only");
        assertThat(api().get("/api/payments/not-a-uuid/receipt", a.token()).status()).isEqualTo(400);
    }

    /**
     * A platform admin acting on a tenant opens the receipt as a plain link, which cannot carry X-Tenant:
     * {@code ?tenant=} names the tenant on a GET (and only on a GET); tenant staff cannot use it to reach
     * another tenant.
     */
    @Test
    void aPlatformAdminNamesTheTenantInTheLinkOfAPrintablePage() {
        var a = registerTenant("rcpt_pa");
        var b = registerTenant("rcpt_pb");
        var pkg = api().post("/api/packages", json("type", "hotspot", "name", "Hour", "price", 100,
                "durationValue", 1, "durationUnit", "hours", "uploadKbps", 512, "downloadKbps", 512), a.token());
        var cash = api().post("/api/payments/cash", json("phone", "0712000999", "amount", 100,
                "purpose", "HOTSPOT_PACKAGE", "reference", pkg.text("id")), a.token());
        assertThat(cash.text("status")).isEqualTo("settled");
        String id = cash.text("id");
        String admin = platformAdminToken();
        assertThat(api().get("/api/payments/" + id + "/receipt", admin).status()).as("no tenant named").isEqualTo(400);
        var viaLink = api().get("/api/payments/" + id + "/receipt?tenant=" + a.slug(), admin);
        assertThat(viaLink.status()).isEqualTo(200);
        assertThat(viaLink.raw().body()).contains(cash.text("receipt"));
        assertThat(api().get("/api/payments/" + id + "/receipt?tenant=" + b.slug(), admin).status())
                .as("the payment is not B's").isEqualTo(404);
        // a change still needs the header: the parameter is for links, which only read
        assertThat(api().post("/api/payments/cash?tenant=" + a.slug(), json("amount", 100, "purpose", "PPPOE_BILL",
                "reference", "ACC-1"), admin).status()).isEqualTo(400);
        // tenant staff always act on their own tenant, whatever the link says
        assertThat(api().get("/api/payments/" + id + "/receipt?tenant=" + a.slug(), b.token()).status())
                .isEqualTo(404);
    }
}
