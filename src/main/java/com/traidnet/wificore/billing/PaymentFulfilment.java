package com.traidnet.wificore.billing;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Optional;

/**
 * Implemented by each module that sells what payments buy (hotspot: packages and PPPoE
 * bills; water: prepaid top-ups), for the purposes it {@linkplain #fulfils fulfils}. Billing calls it
 * inside the settlement's tenant transaction ({@code sql} already runs in the tenant's
 * schema), so the payment's settlement and what it bought commit together or not at all. It must be idempotent on {@link SettledPayment#paymentId()}
 * only as far as billing calls it once per payment; billing guarantees that.
 */
public interface PaymentFulfilment {

    /** What the payment buys; {@link FulfilmentResult.Rejected} makes the payment unmatched (paid, not provisioned), for reconciliation. */
    FulfilmentResult fulfil(JdbcClient sql, SettledPayment payment);

    /**
     * Whether this fulfilment sells what payments of {@code purpose} buy. Each purpose must have
     * exactly one (hotspot: packages and PPPoE bills; water: top-ups).
     */
    default boolean fulfils(SettledPayment.Purpose purpose) {
        return true;
    }

    /**
     * What a payment of {@code purpose} for {@code reference} buys, in words for a customer's
     * receipt (e.g. {@code Two hours (hotspot package)}); empty when the reference is unknown.
     */
    default Optional<String> describe(JdbcClient sql, SettledPayment.Purpose purpose, String reference) {
        return Optional.empty();
    }
}
