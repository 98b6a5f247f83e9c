package com.traidnet.wificore.billing.simulator;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A built-in Daraja for one-machine installs and tests: the same paths and field names as
 * Safaricom's, under {@code /sim/daraja}. Not a security boundary and never for production
 * ({@code wificore.billing.simulator.enabled=false} there): it accepts any consumer key.
 * Outcomes follow {@link SimulatedStk}'s phone-number rule.
 */
@RestController
@RequestMapping("/sim/daraja")
@ConditionalOnProperty(name = "wificore.billing.simulator.enabled", havingValue = "true", matchIfMissing = true)
class DarajaSimulator {

    private static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final SimulatorState state;
    private final SimulatorSettings settings;
    private final Clock clock;

    DarajaSimulator(SimulatorState state, SimulatorSettings settings, Clock clock) {
        this.state = state;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/oauth/v1/generate")
    ResponseEntity<Map<String, Object>> token(@RequestHeader(value = "Authorization", required = false) String auth) {
        if (auth == null || !auth.startsWith("Basic ") || !decodesToPair(auth.substring(6))) {
            return error(400, "400.008.01", "Invalid Authentication passed");
        }
        return ResponseEntity.ok(Map.of("access_token", state.issueToken(), "expires_in", "3599"));
    }

    @PostMapping("/mpesa/stkpush/v1/processrequest")
    ResponseEntity<Map<String, Object>> stkPush(@RequestHeader(value = "Authorization", required = false) String auth,
                                                @RequestBody JsonNode body) {
        if (!state.validToken(auth)) {
            return error(404, "404.001.03", "Invalid Access Token");
        }
        for (String field : new String[] {"BusinessShortCode", "Password", "Timestamp", "TransactionType", "Amount",
                "PartyA", "PartyB", "PhoneNumber", "CallBackURL", "AccountReference", "TransactionDesc"}) {
            if (body.path(field).isMissingNode() || body.path(field).asString("").isBlank()) {
                return error(400, "400.002.02", "Bad Request - Invalid " + field);
            }
        }
        if (!validPassword(body)) {
            return error(400, "400.002.02", "Bad Request - Invalid Password");
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(body.path("Amount").asString());
        } catch (NumberFormatException e) {
            return error(400, "400.002.02", "Bad Request - Invalid Amount");
        }
        SimulatedStk stk = state.accept(body.path("BusinessShortCode").asString(), body.path("PhoneNumber").asString(),
                amount, body.path("CallBackURL").asString(), clock.instant().plus(settings.callbackDelay()));
        if (!stk.held()) {
            state.deliverLater(stk, settings.callbackDelay());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("MerchantRequestID", stk.merchantRequestId());
        answer.put("CheckoutRequestID", stk.checkoutRequestId());
        answer.put("ResponseCode", "0");
        answer.put("ResponseDescription", "Success. Request accepted for processing");
        answer.put("CustomerMessage", "Success. Request accepted for processing");
        return ResponseEntity.ok(answer);
    }

    @PostMapping("/mpesa/stkpushquery/v1/query")
    ResponseEntity<Map<String, Object>> stkQuery(@RequestHeader(value = "Authorization", required = false) String auth,
                                                 @RequestBody JsonNode body) {
        if (!state.validToken(auth)) {
            return error(404, "404.001.03", "Invalid Access Token");
        }
        if (!validPassword(body)) {
            return error(400, "400.002.02", "Bad Request - Invalid Password");
        }
        SimulatedStk stk = state.find(body.path("CheckoutRequestID").asString(""));
        if (stk == null) {
            return error(400, "400.002.02", "Bad Request - Invalid CheckoutRequestID");
        }
        if (clock.instant().isBefore(stk.completesAt())) {
            return error(500, "500.001.1001", "The transaction is being processed");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ResponseCode", "0");
        answer.put("ResponseDescription", "The service request has been accepted successsfully");
        answer.put("MerchantRequestID", stk.merchantRequestId());
        answer.put("CheckoutRequestID", stk.checkoutRequestId());
        answer.put("ResultCode", String.valueOf(stk.resultCode()));
        answer.put("ResultDesc", stk.resultDesc());
        return ResponseEntity.ok(answer);
    }

    /** Simulator only: sends (again) the STK callback of a push — a held ("lost") one arrives late. */
    @PostMapping("/callbacks/{checkoutRequestId}")
    ResponseEntity<Map<String, Object>> deliver(@PathVariable String checkoutRequestId) {
        SimulatedStk stk = state.find(checkoutRequestId);
        if (stk == null) {
            return error(404, "404.000.01", "no such CheckoutRequestID");
        }
        int status = state.deliverNow(stk);
        return ResponseEntity.ok(Map.of("CheckoutRequestID", checkoutRequestId, "CallbackStatus", status));
    }

    @PostMapping("/mpesa/c2b/v1/registerurl")
    ResponseEntity<Map<String, Object>> registerUrl(@RequestHeader(value = "Authorization", required = false) String auth,
                                                    @RequestBody JsonNode body) {
        if (!state.validToken(auth)) {
            return error(404, "404.001.03", "Invalid Access Token");
        }
        String shortcode = body.path("ShortCode").asString("");
        String confirmation = body.path("ConfirmationURL").asString("");
        if (shortcode.isBlank() || confirmation.isBlank()) {
            return error(400, "400.002.02", "Bad Request - Invalid ShortCode or ConfirmationURL");
        }
        state.register(shortcode, confirmation, body.path("ValidationURL").asString(""));
        return ResponseEntity.ok(Map.of("OriginatorCoversationID", state.nextId("sim"), "ResponseCode", "0",
                "ResponseDescription", "success"));
    }

    /**
     * Daraja's C2B simulate: a customer pays {@code ShortCode} with account {@code BillRefNumber}.
     * Posts validation, then (unless rejected) confirmation to the registered URLs before answering;
     * the answer adds, for tests, the {@code TransID}, the validation result and the confirmation body.
     */
    @PostMapping("/mpesa/c2b/v1/simulate")
    ResponseEntity<Map<String, Object>> c2bSimulate(@RequestHeader(value = "Authorization", required = false) String auth,
                                                    @RequestBody JsonNode body) {
        if (!state.validToken(auth)) {
            return error(404, "404.001.03", "Invalid Access Token");
        }
        String shortcode = body.path("ShortCode").asString("");
        if (state.urls(shortcode) == null) {
            return error(400, "400.002.02", "Bad Request - no URLs registered for ShortCode " + shortcode);
        }
        Map<String, Object> notification = state.c2bNotification(shortcode, body.path("Amount").asString("0"),
                body.path("Msisdn").asString(""), body.path("BillRefNumber").asString(""),
                LocalDateTime.ofInstant(clock.instant(), NAIROBI).format(TIMESTAMP));
        Map<String, Object> answer = new LinkedHashMap<>(state.c2bDeliver(shortcode, notification));
        answer.put("OriginatorCoversationID", state.nextId("sim"));
        answer.put("ResponseCode", "0");
        answer.put("ResponseDescription", "Accept the service request successfully.");
        answer.put("TransID", notification.get("TransID"));
        answer.put("Confirmation", notification);
        return ResponseEntity.ok(answer);
    }

    /** base64(shortcode + passkey + timestamp): the passkey is unknown here, the rest is checked. */
    private boolean validPassword(JsonNode body) {
        String shortcode = body.path("BusinessShortCode").asString("");
        String timestamp = body.path("Timestamp").asString("");
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(body.path("Password").asString("")), StandardCharsets.UTF_8);
            LocalDateTime at = LocalDateTime.parse(timestamp, TIMESTAMP);
            Duration skew = Duration.between(at, LocalDateTime.ofInstant(clock.instant(), NAIROBI)).abs();
            // a timestamp taken in UTC instead of Nairobi time is 3 h off: Daraja refuses it, so do we
            return decoded.startsWith(shortcode) && decoded.endsWith(timestamp)
                    && decoded.length() > shortcode.length() + timestamp.length() && skew.toMinutes() < 10;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean decodesToPair(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8).contains(":");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ResponseEntity<Map<String, Object>> error(int status, String code, String message) {
        return ResponseEntity.status(status).body(Map.of("requestId", "sim-" + System.nanoTime(), "errorCode", code,
                "errorMessage", message));
    }
}
