package com.traidnet.wificore.water;

import com.traidnet.wificore.billing.FulfilmentResult;
import com.traidnet.wificore.billing.PaymentFulfilment;
import com.traidnet.wificore.billing.SettledPayment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/**
 * What a settled water top-up buys: a credit to the customer named in the payment's reference,
 * in the settlement's transaction. The credit is unique per payment ({@code water_credits.payment_id}),
 * so even a second call could not credit twice.
 */
@Component
class WaterFulfilment implements PaymentFulfilment {

    @Override
    public boolean fulfils(SettledPayment.Purpose purpose) {
        return purpose == SettledPayment.Purpose.WATER_TOPUP;
    }

    @Override
    public Optional<String> describe(JdbcClient sql, SettledPayment.Purpose purpose, String reference) {
        try {
            return Customers.load(sql, UUID.fromString(reference.strip()))
                    .map(c -> "Water top-up" + (c.name() == null ? "" : " for " + c.name()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public FulfilmentResult fulfil(JdbcClient sql, SettledPayment payment) {
        UUID customer;
        try {
            customer = UUID.fromString(payment.reference().strip());
        } catch (RuntimeException e) {
            return new FulfilmentResult.Rejected("not a water customer id: " + payment.reference());
        }
        if (Customers.load(sql, customer).isEmpty()) {
            return new FulfilmentResult.Rejected("unknown water customer " + customer);
        }
        Customers.lock(sql, customer);
        BigDecimal value = Credits.valueOfMoney(sql, payment.amount());
        Credits.apply(sql, new Credits.Credit(customer, "mpesa", value, payment.amount(), payment.receipt(),
                payment.paymentId(), null, "payment:" + payment.receipt()), payment.settledAt());
        return new FulfilmentResult.Provisioned(customer.toString(), null, null);
    }
}
