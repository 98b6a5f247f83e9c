package com.traidnet.wificore.support;

import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static com.traidnet.wificore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The built-in Daraja simulator from a test's side: a tenant's paybill on it, and a customer's C2B payment. */
public final class MpesaSimulator {

    private MpesaSimulator() {
    }

    /** Puts the tenant's M-Pesa on the simulator with a fresh paybill; returns the shortcode. */
    public static String configure(Api api, String tenantToken) {
        String shortcode = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 9_999_999));
        var saved = api.send("PUT", "/api/billing/mpesa", json("shortcode", shortcode, "shortcodeType", "paybill",
                "environment", "simulator", "passkey", "passkey-" + shortcode, "consumerKey", "key-" + shortcode,
                "consumerSecret", "secret-" + shortcode), tenantToken, Map.of());
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
        assertThat(saved.text("c2bRegistration")).isEqualTo("registered");
        return shortcode;
    }

    /** A customer pays {@code amount} to the paybill for {@code account}: the simulator calls validation, then confirmation. */
    public static JsonNode payBill(Api api, String shortcode, String account, String amount) {
        String basic = Base64.getEncoder().encodeToString("k:s".getBytes(StandardCharsets.UTF_8));
        String token = api.send("GET", "/sim/daraja/oauth/v1/generate?grant_type=client_credentials", null, null,
                Map.of("Authorization", "Basic " + basic)).text("access_token");
        var answer = api.post("/sim/daraja/mpesa/c2b/v1/simulate", json("ShortCode", shortcode, "CommandID",
                "CustomerPayBillOnline", "Amount", amount, "Msisdn", "254712345678", "BillRefNumber", account), token);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body();
    }
}
