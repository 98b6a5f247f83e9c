package com.traidnet.wificore.billing;

import java.math.BigDecimal;

/** What the payment provider (or the cashier) says happened to a pending payment. */
sealed interface ProviderOutcome {

    /**
     * Money arrived.
     *
     * @param amount            what was paid (null when Daraja said "success" but sent no CallbackMetadata)
     * @param receipt           MpesaReceiptNumber / TransID; null when only an STK query said so
     * @param merchantRequestId as echoed by Daraja's callback; null when the source has none
     */
    record Paid(BigDecimal amount, String receipt, String merchantRequestId) implements ProviderOutcome {
    }

    /** No money: Daraja's ResultCode (1032 cancelled by the user, 1037 unreachable, …) and ResultDesc. */
    record Declined(String code, String description) implements ProviderOutcome {
    }
}
