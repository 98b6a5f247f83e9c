package com.traidnet.wificore.billing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The test stand-in for the hotspot module's fulfilment: records every call and provisions,
 * except references starting with {@code UNKNOWN} (an account or package that does not exist),
 * which it rejects. {@code @Primary}, so it wins over the real one once that is merged.
 */
public class RecordingFulfilment implements PaymentFulfilment {

    final List<SettledPayment> calls = new CopyOnWriteArrayList<>();

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        @Primary
        RecordingFulfilment recordingFulfilment() {
            return new RecordingFulfilment();
        }
    }

    @Override
    public FulfilmentResult fulfil(JdbcClient sql, SettledPayment payment) {
        // proves the call runs inside the tenant's transaction: its schema is first on the search path
        sql.sql("select count(*) from payments where id = ?").param(payment.paymentId()).query(Integer.class).single();
        calls.add(payment);
        if (payment.reference().startsWith("UNKNOWN")) {
            return new FulfilmentResult.Rejected("no such account " + payment.reference());
        }
        return new FulfilmentResult.Provisioned(payment.phone() == null ? payment.reference() : payment.phone(),
                "pw-" + payment.paymentId().toString().substring(0, 6), payment.settledAt().plus(Duration.ofHours(1)));
    }

    List<SettledPayment> callsFor(UUID paymentId) {
        return calls.stream().filter(c -> c.paymentId().equals(paymentId)).toList();
    }

    List<SettledPayment> callsForReference(String reference) {
        return calls.stream().filter(c -> c.reference().equals(reference)).toList();
    }
}
