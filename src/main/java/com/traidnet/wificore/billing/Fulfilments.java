package com.traidnet.wificore.billing;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the one {@link PaymentFulfilment} for a settled payment's purpose (hotspot's for
 * packages and bills, water's for top-ups) — looked up lazily, so the platform starts without
 * a seller module. A {@code @Primary} bean that fulfils the purpose wins (tests add theirs that
 * way); otherwise exactly one bean must fulfil it. Two, or none, fail the settlement clearly:
 * its transaction rolls back, the payment stays pending, and the provider's retry or the
 * stuck-payments job tries again.
 */
@Component
class Fulfilments {

    private final ObjectProvider<PaymentFulfilment> fulfilments;
    /**
     * The choice per purpose, made on the first settlement that needs it: the beans are singletons
     * and do not change once the context is up, and resolving them through the bean factory on
     * every settlement was a visible share of a callback's CPU (bench/billing, session 13).
     * A failed choice is not remembered.
     */
    private final Map<SettledPayment.Purpose, PaymentFulfilment> chosen = new ConcurrentHashMap<>();

    Fulfilments(ObjectProvider<PaymentFulfilment> fulfilments) {
        this.fulfilments = fulfilments;
    }

    FulfilmentResult fulfil(JdbcClient sql, SettledPayment payment) {
        PaymentFulfilment fulfilment = forPurpose(payment.purpose(), "payment " + payment.paymentId());
        FulfilmentResult result = fulfilment.fulfil(sql, payment);
        if (result == null) {
            throw new IllegalStateException(fulfilment.getClass().getName() + " returned no FulfilmentResult");
        }
        return result;
    }

    /** What a payment of {@code purpose} for {@code reference} buys, in words, for its receipt (empty if unknown). */
    Optional<String> describe(JdbcClient sql, SettledPayment.Purpose purpose, String reference) {
        return forPurpose(purpose, "a receipt").describe(sql, purpose, reference);
    }

    private PaymentFulfilment forPurpose(SettledPayment.Purpose purpose, String forWhat) {
        PaymentFulfilment fulfilment = chosen.get(purpose);
        if (fulfilment == null) {
            fulfilment = choose(purpose, forWhat);
            chosen.put(purpose, fulfilment);
        }
        return fulfilment;
    }

    private PaymentFulfilment choose(SettledPayment.Purpose purpose, String forWhat) {
        PaymentFulfilment primary = fulfilments.getIfUnique(); // the only bean, or the @Primary one among several
        if (primary != null && primary.fulfils(purpose)) {
            return primary;
        }
        List<PaymentFulfilment> able = fulfilments.orderedStream().filter(f -> f.fulfils(purpose)).toList();
        if (able.size() != 1) {
            throw new IllegalStateException(able.size() + " PaymentFulfilment beans fulfil " + purpose
                    + ": " + forWhat + " cannot be provisioned (is the selling module installed?)");
        }
        return able.getFirst();
    }
}
