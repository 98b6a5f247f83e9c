package com.traidnet.wificore.billing;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Implemented by the module that sells what payments buy (hotspot: packages and PPPoE
 * bills). Billing calls it inside the settlement's tenant transaction ({@code sql} already
 * runs in the tenant's schema), so the payment's settlement and the subscriber's new rights
 * commit together or not at all. It must be idempotent on {@link SettledPayment#paymentId()}
 * only as far as billing calls it once per payment; billing guarantees that.
 */
public interface PaymentFulfilment {

    /** What the payment buys; {@link FulfilmentResult.Rejected} makes the payment unmatched (paid, not provisioned), for reconciliation. */
    FulfilmentResult fulfil(JdbcClient sql, SettledPayment payment);
}
