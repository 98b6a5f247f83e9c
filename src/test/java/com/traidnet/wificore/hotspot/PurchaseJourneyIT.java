package com.traidnet.wificore.hotspot;

import com.traidnet.wificore.radius.RadiusTestSupport;
import com.traidnet.wificore.radius.SessionControl;
import com.traidnet.wificore.radius.coa.PyradNas;
import com.traidnet.wificore.realtime.RealtimePublisher;
import com.traidnet.wificore.support.Api;
import com.traidnet.wificore.support.MpesaSimulator;
import com.traidnet.wificore.support.PortalForms;
import com.traidnet.wificore.support.MutableClock;
import com.traidnet.wificore.support.Radclient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.traidnet.wificore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6's journeys end to end over real sockets: the captive portal over HTTP, M-Pesa through
 * the built-in Daraja simulator (its STK callback and its C2B confirmation over HTTP),
 * radclient as the NAS for auth and accounting, the pyrad NAS stand-in receiving the
 * Disconnect-Request that enforcement sends when the data cap is crossed or the bill is overdue.
 */
@TestPropertySource(properties = {"wificore.hotspot.enforcement-every=0",
        "wificore.billing.simulator.callback-delay=PT0.3S"})
class PurchaseJourneyIT extends RadiusTestSupport {

    private static final String MAC = "AA:BB:CC:00:77:01";
    private static final Pattern FIELD = Pattern.compile("name=\"(username|password)\" value=\"([^\"]*)\"");

    @Autowired
    Enforcement enforcement;
    @Autowired
    SessionControl sessionControl;
    @Autowired
    RealtimePublisher publisher;

    record Credentials(String username, String password) {
    }

    @Test
    void portalPaymentThenCapThenDisconnectThenRejectThenRenewal() throws Exception {
        PyradNas.requirePyrad();
        try (PyradNas router = PyradNas.start("journey-1", "ack")) {
            Nas nas = tenantWithNas("jr_pay", "journey-1", true, router.address().getPort());
            configureMpesa(nas);
            String pkg = cappedPackage(nas);

            Credentials bought = buyThroughPortal(nas, pkg, "0712777001");
            var accepted = login(nas, bought);
            assertThat(accepted.accepted()).as(accepted.output()).isTrue();
            assertThat(accepted.first("Mikrotik-Rate-Limit")).isEqualTo("512k/1024k");
            assertThat(accepted.first("Mikrotik-Total-Limit")).isEqualTo("20000");

            crossTheCap(nas, router, bought.username(), "J-PAY-1");
            assertThat(login(nas, bought).accepted()).as("over the cap: rejected").isFalse();

            Credentials renewed = buyThroughPortal(nas, pkg, "0712777001");
            assertThat(renewed).isEqualTo(bought); // the same subscriber, extended
            var again = login(nas, renewed);
            assertThat(again.accepted()).as(again.output()).isTrue();
            assertThat(again.first("Mikrotik-Total-Limit")).as("a fresh cap").isEqualTo("20000");
        }
    }

    @Test
    void voucherThenCapThenDisconnectThenRejectThenAnotherVoucher() throws Exception {
        PyradNas.requirePyrad();
        try (PyradNas router = PyradNas.start("journey-2", "ack")) {
            Nas nas = tenantWithNas("jr_vch", "journey-2", true, router.address().getPort());
            String pkg = cappedPackage(nas);
            String batch = api().post("/api/vouchers/batches", json("packageId", pkg, "count", 2), nas.tenant().token())
                    .text("id");
            var codes = api().get("/api/vouchers/batches/" + batch + "/codes", nas.tenant().token()).body()
                    .findValuesAsString("code");

            Credentials first = redeemThroughPortal(nas, codes.get(0), "0733777002");
            assertThat(login(nas, first).accepted()).isTrue();
            crossTheCap(nas, router, first.username(), "J-VCH-1");
            assertThat(login(nas, first).accepted()).isFalse();

            // the second voucher renews the same account: the page asks for the password the customer has (it
            // never shows an existing account's password to whoever typed the number), which works again
            var renewal = redeem(nas, codes.get(1), "0733777002");
            assertThat(renewal.status()).as(renewal.raw().body()).isEqualTo(200);
            assertThat(renewal.raw().body()).contains("Your WiFi password").doesNotContain(first.password());
            var again = login(nas, first);
            assertThat(again.accepted()).as(again.output()).isTrue();
            assertThat(redeem(nas, codes.get(1), "0733777002").status()).as("a voucher works once").isEqualTo(409);
        }
    }

    @Test
    void pppoeOverdueIsCutOffAndAPaybillPaymentReconnectsIt() throws Exception {
        PyradNas.requirePyrad();
        try (PyradNas router = PyradNas.start("journey-3", "ack")) {
            Nas nas = tenantWithNas("jr_ppp", "journey-3", true, router.address().getPort());
            String shortcode = configureMpesa(nas);
            String pkg = api().post("/api/packages", json("type", "pppoe", "name", "Home 10M", "price", 2500,
                    "durationValue", 1, "durationUnit", "months", "uploadKbps", 5000, "downloadKbps", 10000),
                    nas.tenant().token()).text("id");
            Instant due = Instant.now().minus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            var created = api().post("/api/subscribers", json("kind", "pppoe", "accountNumber", "HOME-77",
                    "username", "home77", "password", "ppp-pass-77", "packageId", pkg, "ipPool", "pool1",
                    "nextDueAt", due.toString(), "graceDays", 3), nas.tenant().token());
            assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
            var user = new Credentials("home77", "ppp-pass-77");
            sleep(300);
            assertThat(login(nas, user).accepted()).isTrue();
            accounting(nas, "Start", "home77", "J-PPP-1", "Framed-IP-Address = 10.9.0.77\n");

            MutableClock now = MutableClock.startingNow();
            now.advance(Duration.ofDays(2)); // due 2 days ago + 3 days' grace: past the grace in 2 days
            var actions = new Enforcement(gateway, new SubscriberWrites(now, publisher), sessionControl, now)
                    .run(nas.tenantId());
            assertThat(actions).isNotEmpty();
            JsonNode dm = router.nextRequest(Duration.ofSeconds(5));
            assertThat(dm.get("codeName").asString()).isEqualTo("Disconnect-Request");
            accounting(nas, "Stop", "home77", "J-PPP-1", "Acct-Session-Time = 30\nAcct-Terminate-Cause = Admin-Reset\n");
            sleep(600);
            assertThat(login(nas, user).accepted()).as("past due and grace: rejected").isFalse();

            var sim = MpesaSimulator.payBill(api(), shortcode, "HOME-77", "2500");
            assertThat(sim.path("Confirmation").isMissingNode()).isFalse();
            awaitAccepted(nas, user);
        }
    }

    // --- the customer's side -------------------------------------------------------------

    private Credentials buyThroughPortal(Nas nas, String pkg, String phone) {
        var fields = redirect();
        fields.put("packageId", pkg);
        fields.put("phone", phone);
        var started = form("/portal/" + nas.tenant().slug() + "/pay", fields);
        assertThat(started.status()).as(started.raw().body()).isEqualTo(303);
        String waitPage = started.raw().headers().firstValue("Location").orElseThrow();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            String html = api().get(waitPage, null).raw().body();
            if (html.contains("document.forms.login.submit()")) {
                return credentials(html);
            }
            sleep(200);
        }
        throw new AssertionError("the portal never showed the login form");
    }

    private Credentials redeemThroughPortal(Nas nas, String code, String phone) {
        var page = redeem(nas, code, phone);
        assertThat(page.status()).as(page.raw().body()).isEqualTo(200);
        return credentials(page.raw().body());
    }

    private Api.Response redeem(Nas nas, String code, String phone) {
        var fields = redirect();
        fields.put("code", code);
        fields.put("phone", phone);
        return form("/portal/" + nas.tenant().slug() + "/voucher", fields);
    }

    private static Map<String, String> redirect() {
        return PortalForms.redirect(MAC);
    }

    private Api.Response form(String path, Map<String, String> fields) {
        return PortalForms.post(api(), path, fields);
    }

    private static Credentials credentials(String html) {
        Matcher m = FIELD.matcher(html);
        String user = null;
        String password = null;
        while (m.find()) {
            if (m.group(1).equals("username")) {
                user = m.group(2);
            } else {
                password = m.group(2);
            }
        }
        assertThat(user).as(html).isNotNull();
        return new Credentials(user, password);
    }

    // --- the NAS's side ----------------------------------------------------------------

    private Radclient.Reply login(Nas nas, Credentials c) {
        return auth(nas, "User-Name = \"" + c.username() + "\"\nUser-Password = \"" + c.password()
                + "\"\nCalling-Station-Id = \"" + MAC + "\"\n");
    }

    private void awaitAccepted(Nas nas, Credentials c) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            if (login(nas, c).accepted()) {
                return;
            }
            sleep(300);
        }
        throw new AssertionError(c.username() + " was not accepted again within 15 s");
    }

    private void crossTheCap(Nas nas, PyradNas router, String user, String session) throws Exception {
        accounting(nas, "Start", user, session, "Framed-IP-Address = 10.9.0.8\n");
        accounting(nas, "Interim-Update", user, session,
                "Acct-Session-Time = 60\nAcct-Input-Octets = 12000\nAcct-Output-Octets = 9000\n");
        var actions = enforcement.run(nas.tenantId());
        assertThat(actions).extracting(Enforcement.Action::action).containsExactly("over_quota");
        JsonNode dm = router.nextRequest(Duration.ofSeconds(5));
        assertThat(dm.get("codeName").asString()).isEqualTo("Disconnect-Request");
        assertThat(dm.path("attributes").path("Acct-Session-Id").get(0).asString()).isEqualTo(session);
        accounting(nas, "Stop", user, session,
                "Acct-Session-Time = 61\nAcct-Input-Octets = 12000\nAcct-Output-Octets = 9000\n"
                        + "Acct-Terminate-Cause = Admin-Reset\n");
        sleep(600); // the authorize cache applies the rewritten rows on the next auth
    }

    private void accounting(Nas nas, String type, String user, String session, String more) {
        var reply = acct(nas, "Acct-Status-Type = " + type + "\nAcct-Session-Id = \"" + session + "\"\n"
                + "User-Name = \"" + user + "\"\nNAS-IP-Address = 127.0.0.1\nCalling-Station-Id = \"" + MAC + "\"\n"
                + more);
        assertThat(reply.code()).as(reply.output()).isEqualTo("Accounting-Response");
    }

    // --- the operator's side -----------------------------------------------------------

    private String cappedPackage(Nas nas) {
        var created = api().post("/api/packages", json("type", "hotspot", "name", "20 kB day", "price", 20,
                "durationValue", 1, "durationUnit", "days", "uploadKbps", 512, "downloadKbps", 1024,
                "dataCapBytes", 20_000), nas.tenant().token());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.text("id");
    }

    private String configureMpesa(Nas nas) {
        return MpesaSimulator.configure(api(), nas.tenant().token());
    }
}
