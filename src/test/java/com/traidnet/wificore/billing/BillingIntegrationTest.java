package com.traidnet.wificore.billing;

import com.traidnet.wificore.support.Api;
import com.traidnet.wificore.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static com.traidnet.wificore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Base of billing ITs: the recording fulfilment, a fast simulator, tenants with simulator credentials. */
@Import(RecordingFulfilment.Config.class)
@TestPropertySource(properties = "wificore.billing.simulator.callback-delay=PT0.3S")
abstract class BillingIntegrationTest extends IntegrationTest {

    @Autowired
    RecordingFulfilment fulfilment;

    /** A tenant with a paybill on the built-in simulator; returns its shortcode. */
    String configureMpesa(TestTenant tenant) {
        return com.traidnet.wificore.support.MpesaSimulator.configure(api(), tenant.token());
    }

    Api.Response stk(TestTenant tenant, String phone, int amount, String reference) {
        return api().post("/api/payments/stk", json("phone", phone, "amount", amount, "purpose", "HOTSPOT_PACKAGE",
                "reference", reference, "mac", "AA:BB:CC:DD:EE:FF"), tenant.token());
    }

    JsonNode payment(TestTenant tenant, String id) {
        var r = api().get("/api/payments/" + id, tenant.token());
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.body();
    }

    /** Polls until the payment leaves {@code pending} (the simulator calls back after 0.3 s). */
    JsonNode awaitFinal(TestTenant tenant, String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (true) {
            JsonNode p = payment(tenant, id);
            if (!"pending".equals(p.path("status").asString()) || Instant.now().isAfter(deadline)) {
                return p;
            }
            sleep(100);
        }
    }

    long events(JsonNode payment, String kind) {
        long n = 0;
        for (JsonNode e : payment.path("events")) {
            if (kind.equals(e.path("kind").asString())) {
                n++;
            }
        }
        return n;
    }

    static Map<String, Object> stkCallback(String merchantRequestId, String checkoutRequestId, int resultCode,
                                           Object amount, String receipt, String phone) {
        Map<String, Object> cb = new java.util.LinkedHashMap<>();
        cb.put("MerchantRequestID", merchantRequestId);
        cb.put("CheckoutRequestID", checkoutRequestId);
        cb.put("ResultCode", resultCode);
        cb.put("ResultDesc", resultCode == 0 ? "The service request is processed successfully." : "failed");
        if (resultCode == 0) {
            cb.put("CallbackMetadata", Map.of("Item", java.util.List.of(json("Name", "Amount", "Value", amount),
                    json("Name", "MpesaReceiptNumber", "Value", receipt), json("Name", "Balance"),
                    json("Name", "TransactionDate", "Value", 20250101120000L),
                    json("Name", "PhoneNumber", "Value", Long.parseLong(phone)))));
        }
        return Map.of("Body", Map.of("stkCallback", cb));
    }

    static UUID uuid(JsonNode node) {
        return UUID.fromString(node.path("id").asString());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
