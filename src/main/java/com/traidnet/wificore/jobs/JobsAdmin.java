package com.traidnet.wificore.jobs;

import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import com.traidnet.wificore.tenant.TenantWork;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What operators see and do — the CLI and the HTTP API share it: status per queue, failed
 * jobs, retrying them. {@code tenant} null = platform scope (everything); otherwise the
 * tenant's scope, where row-level security shows only that tenant's jobs.
 */
@Component
class JobsAdmin {

    private static final int RETRY_BATCH = 500;

    private final TenantGateway gateway;
    private final JobReports reports;
    private final DeadLetters deadLetters;
    private final JobMetrics metrics;
    private final Wakeups wakeups;
    private final Clock clock;

    JobsAdmin(TenantGateway gateway, JobReports reports, DeadLetters deadLetters, JobMetrics metrics, Wakeups wakeups,
              Clock clock) {
        this.gateway = gateway;
        this.reports = reports;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.wakeups = wakeups;
        this.clock = clock;
    }

    List<QueueStatus> status(TenantId tenant) {
        return scoped(tenant, sql -> reports.status(sql, clock.instant()));
    }

    List<FailedJobView> failed(TenantId tenant, String queue, int offset, int limit) {
        return scoped(tenant, sql -> reports.failed(sql, queue, offset, limit));
    }

    List<ScheduleView> schedules() {
        return gateway.inPlatform(reports::schedules);
    }

    /** Platform scope: re-enqueues one failed job. */
    Optional<DeadLetters.Retried> retry(UUID failedId) {
        var retried = gateway.inPlatform(sql -> deadLetters.retry(sql, failedId, clock.instant()));
        retried.ifPresent(this::requeued);
        return retried;
    }

    /** Platform scope: re-enqueues every failed job ({@code queue} null = of every queue), in batches. */
    int retryAll(String queue) {
        int total = 0;
        while (true) {
            List<DeadLetters.Retried> batch = gateway.inPlatform(sql -> deadLetters.oldest(sql, queue, RETRY_BATCH)
                    .stream().flatMap(id -> deadLetters.retry(sql, id, clock.instant()).stream()).toList());
            batch.forEach(this::requeued);
            total += batch.size();
            if (batch.size() < RETRY_BATCH) {
                return total;
            }
        }
    }

    private void requeued(DeadLetters.Retried r) {
        metrics.retried(r.queue(), "manual");
        wakeups.enqueued(r.queue(), r.newId().enqueuedAt(), r.newId().enqueuedAt());
    }

    /** Depth gauges, refreshed in the background so scrapes never wait for a count. */
    @Scheduled(fixedDelayString = "PT15S", initialDelayString = "PT5S")
    void refreshGauges() {
        metrics.depth(status(null));
    }

    private <T> T scoped(TenantId tenant, TenantWork<T> work) {
        return tenant == null ? gateway.inPlatform(work) : gateway.inTenant(tenant, work);
    }
}
