package com.traidnet.wificore.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A payment as the API shows it; {@code events} (the ledger entries, oldest first: the receipt
 * data) and {@code description} (what it buys, in words: {@link PaymentFulfilment#describe}) only
 * on the single-payment view.
 */
record PaymentView(UUID id, String method, String purpose, String reference, String phone, String mac,
                   BigDecimal amount, String currency, String status, String checkoutRequestId,
                   String merchantRequestId, String receipt, BigDecimal paidAmount, String resultCode,
                   String resultDesc, Instant createdAt, Instant updatedAt, Instant settledAt,
                   List<PaymentEventView> events, String description) {

    boolean pending() {
        return "pending".equals(status);
    }

    PaymentView withEvents(List<PaymentEventView> events) {
        return new PaymentView(id, method, purpose, reference, phone, mac, amount, currency, status,
                checkoutRequestId, merchantRequestId, receipt, paidAmount, resultCode, resultDesc, createdAt,
                updatedAt, settledAt, events, description);
    }

    PaymentView withDescription(String description) {
        return new PaymentView(id, method, purpose, reference, phone, mac, amount, currency, status,
                checkoutRequestId, merchantRequestId, receipt, paidAmount, resultCode, resultDesc, createdAt,
                updatedAt, settledAt, events, description);
    }

    /** One ledger entry: what happened, the status after it, and the provider's payload verbatim. */
    record PaymentEventView(long id, Instant at, String kind, String status, String source, String detail,
                            Object payload) {
    }
}
