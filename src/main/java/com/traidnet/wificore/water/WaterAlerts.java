package com.traidnet.wificore.water;

import com.traidnet.wificore.jobs.JobContext;
import com.traidnet.wificore.jobs.JobHandler;
import com.traidnet.wificore.jobs.JobOptions;
import com.traidnet.wificore.jobs.Jobs;
import com.traidnet.wificore.realtime.RealtimePublisher;
import com.traidnet.wificore.tenant.TenantId;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Map;
import java.util.UUID;

/**
 * Live events on the tenant's {@value #TOPIC} topic ({@code private-tenant.{id}.water}), published
 * after the transaction that caused them commits. Alerts ({@code dispenser.offline},
 * {@code dispenser.fault}, {@code tank.low}) are also enqueued, in that transaction, as
 * {@link Notify} jobs: the job commits with the change, and a worker delivers the notification
 * with retries. Today delivery is a log line (no notification channel is configured per tenant
 * yet); the job is where SMS or e-mail will plug in. Metrics: {@code wificore_water_events_total{event}}
 * (published) and {@code wificore_water_alerts_notified_total{event}} (delivered).
 */
@Component
class WaterAlerts implements JobHandler<WaterAlerts.Notify> {

    static final String TOPIC = "water";
    private static final Logger log = LoggerFactory.getLogger(WaterAlerts.class);

    /** One alert to deliver to the tenant's staff. */
    record Notify(String event, UUID dispenserId, String dispenserName, String detail) {
    }

    private final RealtimePublisher publisher;
    private final ObjectProvider<Jobs> jobs;
    private final MeterRegistry metrics;

    WaterAlerts(RealtimePublisher publisher, ObjectProvider<Jobs> jobs, MeterRegistry metrics) {
        this.publisher = publisher;
        this.jobs = jobs;
        this.metrics = metrics;
    }

    /** Publishes {@code event} once the surrounding transaction commits (at once outside one). */
    void publish(TenantId tenant, String event, Map<String, ?> data) {
        Runnable send = () -> {
            publisher.publish(tenant, TOPIC, event, data);
            metrics.counter("wificore.water.events", "event", event).increment();
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
    }

    /** An alert: the live event plus a notification job, both only if the transaction commits. */
    void alert(TenantId tenant, String event, UUID dispenserId, String dispenserName, Map<String, ?> data,
               String detail) {
        publish(tenant, event, data);
        jobs.getObject().enqueue(new Notify(event, dispenserId, dispenserName, detail),
                JobOptions.defaults().tenant(tenant).maxAttempts(5));
    }

    @Override
    public Class<Notify> type() {
        return Notify.class;
    }

    @Override
    public void handle(Notify alert, JobContext context) {
        metrics.counter("wificore.water.alerts.notified", "event", alert.event()).increment();
        log.info("water alert for tenant {}: {} on dispenser '{}' ({}): {}", context.tenant(), alert.event(),
                alert.dispenserName(), alert.dispenserId(), alert.detail());
    }
}
