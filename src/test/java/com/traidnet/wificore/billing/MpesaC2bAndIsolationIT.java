package com.traidnet.wificore.billing;

import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static com.traidnet.wificore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** C2B paybill through the simulator, and what one tenant can never do to another's payments. */
class MpesaC2bAndIsolationIT extends BillingIntegrationTest {

    @Autowired
    TenantGateway gateway;

    private JsonNode simulateC2b(String shortcode, String account, String amount) {
        return com.traidnet.wificore.support.MpesaSimulator.payBill(api(), shortcode, account, amount);
    }

    private JsonNode payments(TestTenant tenant) {
        return api().get("/api/payments?size=200", tenant.token()).body().path("items");
    }

    @Test
    void c2bConfirmationPaysAPppoeBillOnceEvenWhenRepeated() {
        var tenant = registerTenant("c2b");
        String shortcode = configureMpesa(tenant);
        String account = "ACC-" + UUID.randomUUID().toString().substring(0, 8);
        var sim = simulateC2b(shortcode, account, "1500.00");
        assertThat(sim.path("ValidationResultCode").asString()).isEqualTo("0");
        assertThat(sim.path("ConfirmationStatus").asInt()).isEqualTo(200);

        var calls = fulfilment.callsForReference(account);
        assertThat(calls).singleElement().satisfies(c -> {
            assertThat(c.purpose()).isEqualTo(SettledPayment.Purpose.PPPOE_BILL);
            assertThat(c.receipt()).isEqualTo(sim.path("TransID").asString());
            assertThat(c.tenant()).isEqualTo(new TenantId(UUID.fromString(tenant.id())));
        });
        // Safaricom retries the same confirmation: same TransID, nothing paid twice
        var replay = api().post("/api/payments/mpesa/c2b/confirmation", sim.path("Confirmation"), null);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(fulfilment.callsForReference(account)).hasSize(1);
        assertThat(payments(tenant).size()).isEqualTo(1);
        var p = payment(tenant, payments(tenant).get(0).path("id").asString());
        assertThat(p.path("method").asString()).isEqualTo("mpesa_c2b");
        assertThat(p.path("status").asString()).isEqualTo("settled");
        assertThat(events(p, "duplicate")).isEqualTo(1);
    }

    @Test
    void unknownAccountsAreUnmatchedAndValidationRefusesWhatCannotBeRouted() {
        var tenant = registerTenant("c2b_unknown");
        String shortcode = configureMpesa(tenant);
        simulateC2b(shortcode, "UNKNOWN-42", "700");
        var p = payments(tenant).get(0);
        assertThat(p.path("status").asString()).isEqualTo("unmatched");
        assertThat(p.path("resultDesc").asString()).contains("no such account UNKNOWN-42");
        // the ledger says it was paid, then that the fulfilment refused it
        var ledger = new java.util.ArrayList<String>();
        payment(tenant, p.path("id").asString()).path("events")
                .forEach(e -> ledger.add(e.path("kind").asString() + "/" + e.path("status").asString()));
        assertThat(ledger).containsSequence("settled/settled", "rejected/unmatched");

        var noAccount = api().post("/api/payments/mpesa/c2b/validation", json("TransID", "X1", "TransAmount", "10",
                "BusinessShortCode", shortcode, "BillRefNumber", ""), null);
        assertThat(noAccount.text("ResultCode")).isEqualTo("C2B00012");
        var noTenant = api().post("/api/payments/mpesa/c2b/validation", json("TransID", "X2", "TransAmount", "10",
                "BusinessShortCode", "1", "BillRefNumber", "ACC-1"), null);
        assertThat(noTenant.text("ResultCode")).isEqualTo("C2B00015");
    }

    @Test
    void oneTenantCanNeitherReadNorSettleNorPayIntoAnothers() {
        var a = registerTenant("pay_a");
        var b = registerTenant("pay_b");
        configureMpesa(a);
        String shortcodeB = configureMpesa(b);
        var created = stk(a, "0711110000", 40, "pkg-a"); // 0000: the simulator holds the callback
        String id = created.text("id");

        assertThat(api().get("/api/payments/" + id, b.token()).status()).isEqualTo(404);
        assertThat(payments(b).toString()).doesNotContain(id);
        assertThat(api().get("/api/billing/mpesa", b.token()).text("shortcode")).isEqualTo(shortcodeB);
        var unconfigured = registerTenant("pay_c");
        assertThat(api().get("/api/billing/mpesa", unconfigured.token()).status()).isEqualTo(404);

        // a callback with A's CheckoutRequestID that "claims" to be for B settles A's payment, and only that
        Map<String, Object> body = stkCallback(created.text("merchantRequestId"), created.text("checkoutRequestId"), 0,
                40, "RCPTA" + UUID.randomUUID().toString().substring(0, 5), "254711110000");
        @SuppressWarnings("unchecked")
        var cb = (Map<String, Object>) ((Map<String, Object>) body.get("Body")).get("stkCallback");
        cb.put("BusinessShortCode", shortcodeB);
        cb.put("TenantId", b.id());
        assertThat(api().post("/api/payments/mpesa/callback", body, null).status()).isEqualTo(200);
        assertThat(payment(a, id).path("status").asString()).isEqualTo("settled");
        assertThat(fulfilment.callsFor(UUID.fromString(id))).singleElement()
                .satisfies(c -> assertThat(c.tenant().toString()).isEqualTo(a.id()));
        assertThat(payments(b).size()).isZero();

        // a C2B payment to B's shortcode lands in B, never in A
        int paymentsOfA = payments(a).size();
        simulateC2b(shortcodeB, "ACC-B1", "250");
        assertThat(payments(b).size()).isEqualTo(1);
        assertThat(payments(a).size()).isEqualTo(paymentsOfA);
    }

    @Test
    void credentialsAreWriteOnlyAndSealedAtRest() {
        var tenant = registerTenant("creds");
        String shortcode = configureMpesa(tenant);
        var shown = api().get("/api/billing/mpesa", tenant.token());
        assertThat(shown.body().toString()).doesNotContain("passkey-" + shortcode).doesNotContain("secret-" + shortcode)
                .doesNotContain("key-" + shortcode);
        assertThat(shown.body().path("passkeySet").asBoolean()).isTrue();

        var stored = gateway.inTenant(new TenantId(UUID.fromString(tenant.id())), sql -> sql.sql(
                "select passkey_sealed, consumer_key_sealed, consumer_secret_sealed from mpesa_settings")
                .query((rs, n) -> new byte[][] {rs.getBytes(1), rs.getBytes(2), rs.getBytes(3)}).single());
        for (byte[] column : stored) {
            assertThat(new String(column, StandardCharsets.ISO_8859_1)).doesNotContain(shortcode);
        }
        // a second tenant may not claim the same paybill: C2B notifications would not know whom they pay
        var other = registerTenant("creds_b");
        var clash = api().send("PUT", "/api/billing/mpesa", json("shortcode", shortcode, "shortcodeType", "paybill",
                "environment", "simulator", "passkey", "p", "consumerKey", "k", "consumerSecret", "s"), other.token(),
                Map.of());
        assertThat(clash.status()).isEqualTo(409);
    }
}
