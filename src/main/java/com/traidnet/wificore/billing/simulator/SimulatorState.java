package com.traidnet.wificore.billing.simulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the simulated Daraja remembers (in memory, bounded: it forgets the oldest pushes and
 * tokens) and how it calls back: over real HTTP, like Safaricom, on virtual threads.
 */
@Component
@ConditionalOnProperty(name = "wificore.billing.simulator.enabled", havingValue = "true", matchIfMissing = true)
class SimulatorState {

    private static final Logger log = LoggerFactory.getLogger(SimulatorState.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_REMEMBERED = 10_000;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

    private final Map<String, SimulatedStk> pushes = Collections.synchronizedMap(lru());
    private final Set<String> tokens = Collections.newSetFromMap(Collections.synchronizedMap(lru()));
    private final Map<String, List<String>> c2bUrls = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong sequence = new AtomicLong();
    private final Clock clock;

    SimulatorState(Clock clock) {
        this.clock = clock;
    }

    private static <V> Map<String, V> lru() {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_REMEMBERED;
            }
        };
    }

    String issueToken() {
        String token = "sim" + code(29);
        tokens.add(token);
        return token;
    }

    boolean validToken(String authorization) {
        return authorization != null && authorization.startsWith("Bearer ") && tokens.contains(authorization.substring(7));
    }

    String nextId(String prefix) {
        return prefix + "-" + sequence.incrementAndGet() + "-" + code(6);
    }

    SimulatedStk accept(String shortcode, String phone, BigDecimal amount, String callbackUrl, Instant completesAt) {
        var stk = SimulatedStk.decide("ws_CO_SIM_" + code(20), nextId("sim"), shortcode, phone, amount, callbackUrl,
                "S" + code(9), completesAt);
        pushes.put(stk.checkoutRequestId(), stk);
        return stk;
    }

    SimulatedStk find(String checkoutRequestId) {
        return pushes.get(checkoutRequestId);
    }

    void deliverLater(SimulatedStk stk, Duration delay) {
        Thread.ofVirtual().name("daraja-sim-callback").start(() -> {
            try {
                Thread.sleep(delay.toMillis());
                deliverNow(stk);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** POSTs the STK callback to its CallBackURL; returns the HTTP status (0 = unreachable). */
    int deliverNow(SimulatedStk stk) {
        Map<String, Object> callback = new LinkedHashMap<>();
        callback.put("MerchantRequestID", stk.merchantRequestId());
        callback.put("CheckoutRequestID", stk.checkoutRequestId());
        callback.put("ResultCode", stk.resultCode());
        callback.put("ResultDesc", stk.resultDesc());
        if (stk.paid()) {
            callback.put("CallbackMetadata", Map.of("Item", List.of(
                    Map.of("Name", "Amount", "Value", stk.amount()),
                    Map.of("Name", "MpesaReceiptNumber", "Value", stk.receipt()),
                    Map.of("Name", "Balance"),
                    Map.of("Name", "TransactionDate", "Value", Long.parseLong(nairobiNow())),
                    Map.of("Name", "PhoneNumber", "Value", Long.parseLong(stk.phone())))));
        }
        return post(stk.callbackUrl(), Map.of("Body", Map.of("stkCallback", callback)));
    }

    void register(String shortcode, String confirmationUrl, String validationUrl) {
        c2bUrls.put(shortcode, List.of(confirmationUrl, validationUrl));
    }

    List<String> urls(String shortcode) {
        return c2bUrls.get(shortcode);
    }

    Map<String, Object> c2bNotification(String shortcode, String amount, String msisdn, String billRef, String time) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("TransactionType", "Pay Bill");
        n.put("TransID", "S" + code(9));
        n.put("TransTime", time);
        n.put("TransAmount", amount);
        n.put("BusinessShortCode", shortcode);
        n.put("BillRefNumber", billRef);
        n.put("InvoiceNumber", "");
        n.put("OrgAccountBalance", "");
        n.put("ThirdPartyTransID", "");
        n.put("MSISDN", msisdn);
        n.put("FirstName", "Simulated");
        n.put("MiddleName", "");
        n.put("LastName", "Customer");
        return n;
    }

    /** Validation (when a URL is registered), then confirmation unless validation rejected it. */
    Map<String, Object> c2bDeliver(String shortcode, Map<String, Object> notification) {
        List<String> urls = c2bUrls.get(shortcode);
        String validationUrl = urls.get(1);
        String validation = "0";
        if (!validationUrl.isBlank()) {
            validation = postForResultCode(validationUrl, notification);
        }
        int confirmation = "0".equals(validation) ? post(urls.get(0), notification) : 0;
        return Map.of("ValidationResultCode", validation, "ConfirmationStatus", confirmation);
    }

    private String postForResultCode(String url, Map<String, Object> body) {
        try {
            var response = send(url, body);
            return String.valueOf(JSON.readTree(response.body()).path("ResultCode").asString("?"));
        } catch (RuntimeException e) {
            return "0"; // ResponseType Completed: an unreachable validation URL does not stop the payment
        }
    }

    private int post(String url, Map<String, Object> body) {
        try {
            return send(url, body).statusCode();
        } catch (RuntimeException e) {
            log.warn("Daraja simulator: POST {} failed: {}", url, e.toString());
            return 0;
        }
    }

    private HttpResponse<String> send(String url, Map<String, Object> body) {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String nairobiNow() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneId.of("Africa/Nairobi"))
                .format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
    }

    private String code(int length) {
        var out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
