package com.traidnet.wificore.billing;

/** What a fulfilment did with a settled payment. */
public sealed interface FulfilmentResult {

    /** The subscriber was created or extended; {@code password} is set only when a new one was issued (to SMS it). */
    record Provisioned(String username, String password, java.time.Instant expiresAt) implements FulfilmentResult {
    }

    /** Nothing provisioned (unknown package or account, amount below the price, …): the payment becomes unmatched, for reconciliation. */
    record Rejected(String reason) implements FulfilmentResult {
    }
}
