package com.traidnet.wificore.billing.simulator;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One STK push the simulator accepted and what the simulated customer will do with it,
 * decided by the last four digits of the phone number (docs/payments.md):
 * {@code 1032} cancels, {@code 1037} is unreachable, {@code 2001} enters a wrong PIN,
 * {@code 0000} pays but the callback is lost (held until delivered by hand), anything else pays.
 */
record SimulatedStk(String checkoutRequestId, String merchantRequestId, String shortcode, String phone,
                    BigDecimal amount, String callbackUrl, int resultCode, String resultDesc, String receipt,
                    Instant completesAt, boolean held) {

    static SimulatedStk decide(String checkoutRequestId, String merchantRequestId, String shortcode, String phone,
                               BigDecimal amount, String callbackUrl, String receipt, Instant completesAt) {
        String last4 = phone.length() >= 4 ? phone.substring(phone.length() - 4) : phone;
        return switch (last4) {
            case "1032" -> new SimulatedStk(checkoutRequestId, merchantRequestId, shortcode, phone, amount, callbackUrl,
                    1032, "Request cancelled by user", null, completesAt, false);
            case "1037" -> new SimulatedStk(checkoutRequestId, merchantRequestId, shortcode, phone, amount, callbackUrl,
                    1037, "DS timeout user cannot be reached", null, completesAt, false);
            case "2001" -> new SimulatedStk(checkoutRequestId, merchantRequestId, shortcode, phone, amount, callbackUrl,
                    2001, "The initiator information is invalid.", null, completesAt, false);
            default -> new SimulatedStk(checkoutRequestId, merchantRequestId, shortcode, phone, amount, callbackUrl,
                    0, "The service request is processed successfully.", receipt, completesAt, "0000".equals(last4));
        };
    }

    boolean paid() {
        return resultCode == 0;
    }
}
