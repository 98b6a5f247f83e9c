package com.traidnet.wificore.billing;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the one {@link PaymentFulfilment} (the hotspot module's) when a payment settles —
 * looked up lazily, so the platform starts without a seller module. Exactly one bean is
 * expected; tests add theirs as {@code @Primary}, which wins over the real one. Two non-primary
 * beans, or none, fail the settlement clearly: its transaction rolls back, the payment stays
 * pending, and the provider's retry or the stuck-payments job tries again.
 */
@Component
class Fulfilments {

    private final ObjectProvider<PaymentFulfilment> fulfilments;

    Fulfilments(ObjectProvider<PaymentFulfilment> fulfilments) {
        this.fulfilments = fulfilments;
    }

    FulfilmentResult fulfil(JdbcClient sql, SettledPayment payment) {
        PaymentFulfilment fulfilment = fulfilments.getIfAvailable(); // throws NoUniqueBeanDefinitionException for two
        if (fulfilment == null) {
            throw new IllegalStateException("no PaymentFulfilment bean: nothing can provision what payment "
                    + payment.paymentId() + " buys (is the hotspot module installed?)");
        }
        FulfilmentResult result = fulfilment.fulfil(sql, payment);
        if (result == null) {
            throw new IllegalStateException(fulfilment.getClass().getName() + " returned no FulfilmentResult");
        }
        return result;
    }
}
