package com.traidnet.wificore.billing;

import com.traidnet.wificore.platform.ApiProblem;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Safaricom's calls to us: public (no staff login), CSRF-exempt. The tenant is never taken
 * from the body: STK results are routed by their CheckoutRequestID, C2B notifications by the
 * shortcode a tenant registered. Callbacks nothing matches are kept in
 * {@code payment_callback_audit} and answered 200 — an error would only make Safaricom retry
 * something that can never match. Malformed bodies are a 400 problem.
 */
@RestController
@RequestMapping("/api/payments/mpesa")
@Tag(name = "Payments")
class MpesaCallbackController {

    private static final Logger log = LoggerFactory.getLogger(MpesaCallbackController.class);
    /**
     * The answer to a callback, always the same: written as bytes rather than returned as a Map
     * for Spring MVC to negotiate a media type (Accept, producible types, Content-Disposition
     * checks) and serialise with Jackson — about 6% of the JVM's samples under a callback
     * (bench/billing, session 13). The body and Content-Type are what that produced.
     */
    private static final byte[] ACCEPTED = "{\"ResultCode\":0,\"ResultDesc\":\"Accepted\"}"
            .getBytes(StandardCharsets.UTF_8);

    private final PaymentRoutes routes;
    private final Settlement settlement;
    private final C2bPayments c2b;

    MpesaCallbackController(PaymentRoutes routes, Settlement settlement, C2bPayments c2b) {
        this.routes = routes;
        this.settlement = settlement;
        this.c2b = c2b;
    }

    @PostMapping("/callback")
    @ApiResponse(responseCode = "200", description = "Accepted (also for callbacks nothing matches: they are audited)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(example = "{\"ResultCode\":0,\"ResultDesc\":\"Accepted\"}")))
    void stkCallback(@RequestBody JsonNode body, HttpServletResponse response) throws IOException {
        StkCallback cb = parse(() -> StkCallback.parse(body));
        var route = routes.stk(cb.checkoutRequestId());
        if (route.isEmpty()) {
            log.warn("STK callback for unknown CheckoutRequestID {}: audited", cb.checkoutRequestId());
            routes.audit("stk", "unknown CheckoutRequestID " + cb.checkoutRequestId(), body.toString());
        } else {
            ProviderOutcome outcome = cb.paid() ? new ProviderOutcome.Paid(cb.amount(), cb.receipt(), cb.merchantRequestId())
                    : new ProviderOutcome.Declined(String.valueOf(cb.resultCode()), cb.resultDesc());
            settlement.settle(route.get().tenant(), route.get().paymentId(), outcome, "callback", body.toString());
        }
        accepted(response);
    }

    private static void accepted(HttpServletResponse response) throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(ACCEPTED.length);
        response.getOutputStream().write(ACCEPTED);
    }

    /**
     * Daraja asks before completing a paybill payment. Unknown shortcode: C2B00015; no account
     * number: C2B00012. Whether the account exists is left to the fulfilment at confirmation
     * (an unknown account then becomes an unmatched payment for staff to refund or assign).
     */
    @PostMapping("/c2b/validation")
    Map<String, Object> c2bValidation(@RequestBody JsonNode body) {
        var c = parse(() -> C2bPayments.Confirmation.parse(body));
        if (routes.c2b(c.shortcode()).isEmpty()) {
            return Map.of("ResultCode", "C2B00015", "ResultDesc", "Rejected");
        }
        if (c.billRef() == null) {
            return Map.of("ResultCode", "C2B00012", "ResultDesc", "Rejected");
        }
        return Map.of("ResultCode", "0", "ResultDesc", "Accepted");
    }

    @PostMapping("/c2b/confirmation")
    @ApiResponse(responseCode = "200", description = "Accepted (also for unknown shortcodes: they are audited)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(example = "{\"ResultCode\":0,\"ResultDesc\":\"Accepted\"}")))
    void c2bConfirmation(@RequestBody JsonNode body, HttpServletResponse response) throws IOException {
        var c = parse(() -> C2bPayments.Confirmation.parse(body));
        Optional<com.traidnet.wificore.tenant.TenantId> tenant = routes.c2b(c.shortcode());
        if (tenant.isEmpty()) {
            log.warn("C2B confirmation {} for unknown shortcode {}: audited", c.transId(), c.shortcode());
            routes.audit("c2b", "unknown BusinessShortCode " + c.shortcode(), body.toString());
        } else {
            c2b.confirm(tenant.get(), c, body.toString());
        }
        accepted(response);
    }

    private static <T> T parse(java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (StkCallback.MalformedCallbackException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }
}
