package com.traidnet.wificore.billing;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Safaricom Daraja over HTTPS (or the built-in simulator): OAuth client-credentials tokens
 * (cached until shortly before they expire), STK push, STK query and C2B URL registration.
 * Field names are Daraja's. Never called inside a database transaction.
 */
@Component
class DarajaClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final OwnUrl ownUrl;
    private final Clock clock;

    DarajaClient(OwnUrl ownUrl, Clock clock) {
        this.ownUrl = ownUrl;
        this.clock = clock;
    }

    private record Token(String value, Instant expiresAt) {
    }

    /** Daraja's answer to an accepted STK push. */
    record StkAccepted(String merchantRequestId, String checkoutRequestId, String customerMessage, JsonNode raw) {
    }

    /** What an STK query learnt: {@code resultCode} null while the customer has not answered yet. */
    record StkStatus(String resultCode, String resultDesc, JsonNode raw) {
        boolean pending() {
            return resultCode == null;
        }
    }

    StkAccepted stkPush(MpesaApp app, String phone, BigDecimal amount, String accountReference, String description) {
        String timestamp = StkPassword.timestamp(clock.instant());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("BusinessShortCode", app.shortcode());
        body.put("Password", StkPassword.password(app.shortcode(), app.passkey(), timestamp));
        body.put("Timestamp", timestamp);
        body.put("TransactionType", app.transactionType());
        body.put("Amount", amount.stripTrailingZeros().toPlainString());
        body.put("PartyA", phone);
        body.put("PartyB", app.shortcode());
        body.put("PhoneNumber", phone);
        body.put("CallBackURL", ownUrl.callbackBase(app) + "/api/payments/mpesa/callback");
        body.put("AccountReference", truncate(accountReference, 12)); // Daraja: at most 12 characters
        body.put("TransactionDesc", truncate(description, 13));
        JsonNode answer = post(app, "/mpesa/stkpush/v1/processrequest", body);
        if (!"0".equals(answer.path("ResponseCode").asString(""))) {
            throw new DarajaException(200, answer.toString());
        }
        return new StkAccepted(answer.path("MerchantRequestID").asString(), answer.path("CheckoutRequestID").asString(),
                answer.path("CustomerMessage").asString(""), answer);
    }

    StkStatus stkQuery(MpesaApp app, String checkoutRequestId) {
        String timestamp = StkPassword.timestamp(clock.instant());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("BusinessShortCode", app.shortcode());
        body.put("Password", StkPassword.password(app.shortcode(), app.passkey(), timestamp));
        body.put("Timestamp", timestamp);
        body.put("CheckoutRequestID", checkoutRequestId);
        try {
            JsonNode answer = post(app, "/mpesa/stkpushquery/v1/query", body);
            JsonNode code = answer.path("ResultCode");
            return new StkStatus(code.isMissingNode() ? null : code.asString(), answer.path("ResultDesc").asString(null),
                    answer);
        } catch (DarajaException e) {
            if (e.body().contains("500.001.1001")) { // "The transaction is being processed": not answered yet
                return new StkStatus(null, null, parseOrNull(e.body()));
            }
            throw e;
        }
    }

    void registerC2bUrls(MpesaApp app, String confirmationUrl, String validationUrl) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ShortCode", app.shortcode());
        body.put("ResponseType", "Completed"); // if our validation URL is unreachable, M-Pesa completes the payment
        body.put("ConfirmationURL", confirmationUrl);
        body.put("ValidationURL", validationUrl);
        post(app, "/mpesa/c2b/v1/registerurl", body);
    }

    private JsonNode post(MpesaApp app, String path, Map<String, Object> body) {
        var request = HttpRequest.newBuilder(URI.create(base(app) + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token(app))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        return send(request);
    }

    String token(MpesaApp app) {
        String key = base(app) + "|" + app.consumerKey();
        Token cached = tokens.get(key);
        if (cached != null && clock.instant().isBefore(cached.expiresAt())) {
            return cached.value();
        }
        String basic = Base64.getEncoder().encodeToString((app.consumerKey() + ":" + app.consumerSecret())
                .getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create(base(app) + "/oauth/v1/generate?grant_type=client_credentials"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + basic).GET().build();
        JsonNode answer = send(request);
        String value = answer.path("access_token").asString("");
        if (value.isEmpty()) {
            throw new DarajaException(200, "no access_token in the OAuth answer");
        }
        long seconds = Long.parseLong(answer.path("expires_in").asString("3599").trim());
        tokens.put(key, new Token(value, clock.instant().plusSeconds(seconds).minus(EXPIRY_MARGIN)));
        return value;
    }

    private String base(MpesaApp app) {
        return app.environment().baseUrl(ownUrl.local());
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new DarajaException(response.statusCode(), response.body());
            }
            JsonNode json = parseOrNull(response.body());
            if (json == null) {
                throw new DarajaException(response.statusCode(), "not JSON: " + truncate(response.body(), 200));
            }
            return json;
        } catch (IOException e) {
            throw new DarajaException(0, "Daraja unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DarajaException(0, "interrupted");
        }
    }

    private static JsonNode parseOrNull(String body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String truncate(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }

    /** Daraja refused a call or could not be reached; {@code status} 0 = no HTTP answer. */
    static final class DarajaException extends RuntimeException {
        private final int status;
        private final String body;

        DarajaException(int status, String body) {
            super("Daraja answered " + (status == 0 ? "nothing" : status) + ": " + truncate(body, 300));
            this.status = status;
            this.body = body == null ? "" : body;
        }

        int status() {
            return status;
        }

        String body() {
            return body;
        }
    }
}
