package com.traidnet.wificore.billing;

import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** STK push through the built-in simulator over real HTTP, its callbacks, and the hostile variants. */
class MpesaStkIT extends BillingIntegrationTest {

    @Autowired
    StuckPayments stuckPayments;
    @Autowired
    TenantGateway gateway;

    @Test
    void stkPushSettlesThroughTheSimulatorsCallbackAndAReplayIsOnlyADuplicate() {
        var tenant = registerTenant("stk_ok");
        configureMpesa(tenant);
        var created = stk(tenant, "0712345678", 50, "pkg-1");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("pending");
        assertThat(created.text("checkoutRequestId")).startsWith("ws_CO_SIM_");

        var settled = awaitFinal(tenant, created.text("id"));
        assertThat(settled.path("status").asString()).isEqualTo("settled");
        assertThat(settled.path("receipt").asString()).startsWith("S");
        var calls = fulfilment.callsFor(uuid(settled));
        assertThat(calls).hasSize(1);
        var paid = calls.getFirst();
        assertThat(paid.tenant()).isEqualTo(new TenantId(UUID.fromString(tenant.id())));
        assertThat(paid.purpose()).isEqualTo(SettledPayment.Purpose.HOTSPOT_PACKAGE);
        assertThat(paid.reference()).isEqualTo("pkg-1");
        assertThat(paid.phone()).isEqualTo("254712345678");
        assertThat(paid.macAddress()).isEqualTo("AA:BB:CC:DD:EE:FF");
        assertThat(paid.amount()).isEqualByComparingTo(new BigDecimal("50"));
        assertThat(paid.currency()).isEqualTo("KES");
        assertThat(paid.receipt()).isEqualTo(settled.path("receipt").asString());

        var replay = stkCallback(settled.path("merchantRequestId").asString(), created.text("checkoutRequestId"), 0, 50,
                settled.path("receipt").asString(), "254712345678");
        var answer = api().post("/api/payments/mpesa/callback", replay, null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("ResultCode").asInt()).isZero();
        var after = payment(tenant, created.text("id"));
        assertThat(fulfilment.callsFor(uuid(settled))).hasSize(1);
        assertThat(events(after, "duplicate")).isEqualTo(1);
        assertThat(events(after, "settled")).isEqualTo(1);
        assertThat(after.path("events").toString()).contains("MpesaReceiptNumber"); // raw payloads are kept
        // settled and provisioned are written in one statement after the fulfilment: still in this order, with the
        // payment's status, and the replay's duplicate after them
        var ledger = new java.util.ArrayList<String>();
        after.path("events").forEach(e -> ledger.add(e.path("kind").asString() + "/" + e.path("status").asString()));
        assertThat(ledger).containsSequence("settled/settled", "provisioned/settled", "duplicate/settled");
    }

    @Test
    void wrongAmountIsUnmatchedAndNothingIsProvisioned() {
        var tenant = registerTenant("stk_amt");
        configureMpesa(tenant);
        var created = stk(tenant, "0712340000", 100, "pkg-2"); // 0000: the simulator holds its own callback
        var body = stkCallback(created.text("merchantRequestId"), created.text("checkoutRequestId"), 0, 10,
                "WRONGAMT01", "254712340000");
        assertThat(api().post("/api/payments/mpesa/callback", body, null).status()).isEqualTo(200);
        var p = payment(tenant, created.text("id"));
        assertThat(p.path("status").asString()).isEqualTo("unmatched");
        assertThat(p.path("resultDesc").asString()).contains("paid 10").contains("expected 100");
        assertThat(fulfilment.callsFor(uuid(p))).isEmpty();
    }

    @Test
    void cancelledByTheCustomerFails() {
        var tenant = registerTenant("stk_cancel");
        configureMpesa(tenant);
        var created = stk(tenant, "0712341032", 20, "pkg-3"); // 1032: the simulated customer cancels
        var p = awaitFinal(tenant, created.text("id"));
        assertThat(p.path("status").asString()).isEqualTo("failed");
        assertThat(p.path("resultCode").asString()).isEqualTo("1032");
        assertThat(fulfilment.callsFor(uuid(p))).isEmpty();
    }

    @Test
    void unknownCheckoutRequestIdIsAuditedAndMalformedJsonIsA400Problem() {
        var unknown = stkCallback("m-1", "ws_CO_NOBODY_" + UUID.randomUUID(), 0, 10, "UNKNOWN001", "254700000001");
        var answer = api().post("/api/payments/mpesa/callback", unknown, null);
        assertThat(answer.status()).isEqualTo(200);
        int audited = gateway.inPlatform(sql -> sql.sql("select count(*) from payment_callback_audit where reason like ?")
                .param("%ws_CO_NOBODY_%").query(Integer.class).single());
        assertThat(audited).isGreaterThanOrEqualTo(1);

        var broken = api().post("/api/payments/mpesa/callback", "{\"Body\": {\"stkCallback\": ", null);
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.contentType()).contains("application/problem+json");
        var notStk = api().post("/api/payments/mpesa/callback", Map.of("hello", "world"), null);
        assertThat(notStk.status()).isEqualTo(400);
        assertThat(notStk.contentType()).contains("application/problem+json");
    }

    @Test
    void aStuckPaymentIsSettledByTheStatusQueryAndTheLateCallbackDoesNotSettleTwice() {
        var tenant = registerTenant("stk_stuck");
        configureMpesa(tenant);
        var created = stk(tenant, "0798760000", 30, "pkg-4"); // 0000: paid, but the callback is "lost"
        String id = created.text("id");
        TenantId tenantId = new TenantId(UUID.fromString(tenant.id()));
        sleep(500); // past the simulator's delay: its STK query now knows the answer
        gateway.inTenant(tenantId, sql -> sql.sql("update payments set created_at = created_at - interval '10 minutes'"
                + " where id = ?").param(UUID.fromString(id)).update());
        assertThat(payment(tenant, id).path("status").asString()).isEqualTo("pending");

        stuckPayments.sweep(tenantId, Instant.now());
        var settled = payment(tenant, id);
        assertThat(settled.path("status").asString()).isEqualTo("settled");
        assertThat(events(settled, "settled")).isEqualTo(1);
        assertThat(settled.path("events").toString()).contains("status_query");
        assertThat(fulfilment.callsFor(UUID.fromString(id))).hasSize(1);

        // the simulator now delivers the callback it held back: late, after the query settled the payment
        var late = api().post("/sim/daraja/callbacks/" + created.text("checkoutRequestId"), null, null);
        assertThat(late.body().path("CallbackStatus").asInt()).isEqualTo(200);
        var after = payment(tenant, id);
        assertThat(after.path("status").asString()).isEqualTo("settled");
        assertThat(events(after, "duplicate")).isEqualTo(1);
        assertThat(after.path("receipt").asString()).isNotBlank(); // the late callback brought the receipt
        assertThat(fulfilment.callsFor(UUID.fromString(id))).hasSize(1);
        assertThat(stuckPayments.sweep(tenantId, Instant.now())).isZero();
    }

    @Test
    void cashIsSettledAtOnceThroughTheSameSettlement() {
        var tenant = registerTenant("cash");
        var cash = api().post("/api/payments/cash", com.traidnet.wificore.support.Api.json("amount", 500,
                "purpose", "PPPOE_BILL", "reference", "ACC-7"), tenant.token());
        assertThat(cash.status()).as(cash.body().toString()).isEqualTo(201);
        assertThat(cash.text("status")).isEqualTo("settled");
        assertThat(cash.text("method")).isEqualTo("cash");
        assertThat(cash.text("receipt")).startsWith("CASH-");
        assertThat(fulfilment.callsFor(uuid(cash.body()))).singleElement()
                .satisfies(c -> assertThat(c.purpose()).isEqualTo(SettledPayment.Purpose.PPPOE_BILL));
        var list = api().get("/api/payments?status=settled", tenant.token());
        assertThat(list.body().path("items").size()).isEqualTo(1);
        assertThat(api().get("/api/payments?status=bogus", tenant.token()).status()).isEqualTo(400);

        // search: by phone in any usual form, by receipt (any case), by reference; never another tenant's
        var other = registerTenant("cash_other");
        var phoned = api().post("/api/payments/cash", com.traidnet.wificore.support.Api.json("amount", 50,
                "purpose", "PPPOE_BILL", "reference", "ACC-8", "phone", "0712345678"), tenant.token());
        api().post("/api/payments/cash", com.traidnet.wificore.support.Api.json("amount", 60, "purpose",
                "PPPOE_BILL", "reference", "ACC-7", "phone", "0712345678"), other.token());
        for (String q : List.of("0712345678", "+254712345678", "254712345678", "ACC-8", "acc-8",
                phoned.text("receipt").toLowerCase())) {
            var found = api().get("/api/payments?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8),
                    tenant.token()).body().path("items");
            assertThat(found.findValuesAsString("id")).as(q).containsExactly(phoned.text("id"));
        }
        assertThat(api().get("/api/payments?q=ACC-7&status=settled", tenant.token()).body().path("items")
                .findValuesAsString("id")).containsExactly(cash.text("id"));
        assertThat(api().get("/api/payments?q=nothing-like-it", tenant.token()).body().path("items").size()).isZero();
        assertThat(api().get("/api/payments?q=" + "x".repeat(101), tenant.token()).status()).isEqualTo(400);
    }
}
