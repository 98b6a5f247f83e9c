package com.traidnet.wificore.jobs;

import com.traidnet.wificore.tenant.TenantGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A worker pool's database work, each call one transaction in platform scope: record what
 * finished (delete successes, schedule retries, dead-letter) and claim the next jobs together,
 * so a busy pool pays one commit per batch. Metrics are counted once the transaction has committed.
 */
final class PoolTransactions {

    private static final Logger log = LoggerFactory.getLogger(PoolTransactions.class);

    /** What a commit claimed, and the earliest retry it scheduled (null if none). */
    record Committed(List<ClaimedJob> claimed, Instant nextRetry) {
    }

    private final PoolSettings settings;
    private final TenantGateway gateway;
    private final PostgresJobQueue store;
    private final JobMetrics metrics;
    private final Backoff backoff;
    private final Clock clock;

    PoolTransactions(PoolSettings settings, TenantGateway gateway, PostgresJobQueue store, JobMetrics metrics,
                     Backoff backoff, Clock clock) {
        this.settings = settings;
        this.gateway = gateway;
        this.store = store;
        this.metrics = metrics;
        this.backoff = backoff;
        this.clock = clock;
    }

    Clock clock() {
        return clock;
    }

    Committed commit(List<Outcome> finished, int want) {
        Instant now = clock.instant();
        String worker = settings.worker();
        List<JobId> succeeded = new ArrayList<>();
        List<Outcome.Failed> failed = new ArrayList<>();
        for (Outcome o : finished) {
            switch (o) {
                case Outcome.Succeeded s -> succeeded.add(s.job().id());
                case Outcome.Failed f -> failed.add(f);
            }
        }
        List<String> retried = new ArrayList<>();
        List<String> dead = new ArrayList<>();
        Instant[] nextRetry = {null};
        List<ClaimedJob> claimed = gateway.inPlatform(sql -> {
            retried.clear();
            dead.clear();
            nextRetry[0] = null;
            if (!succeeded.isEmpty()) {
                int deleted = store.deleteSucceeded(sql, worker, succeeded, now);
                if (deleted < succeeded.size()) {
                    log.warn("job queue {}: {} succeeded job(s) had lost their lease and may run again",
                            settings.queue(), succeeded.size() - deleted);
                }
            }
            for (Outcome.Failed f : failed) {
                ClaimedJob job = f.job();
                if (job.attempts() >= job.maxAttempts()) {
                    if (store.deadLetter(sql, worker, job.id(), f.error(), now)) {
                        dead.add(job.queue());
                    }
                } else {
                    Instant at = now.plus(backoff.after(job.attempts(), job.backoffMillis()));
                    if (store.scheduleRetry(sql, worker, job.id(), at, f.error())) {
                        retried.add(job.queue());
                        nextRetry[0] = nextRetry[0] == null || at.isBefore(nextRetry[0]) ? at : nextRetry[0];
                    }
                }
            }
            return want > 0 ? store.claim(sql, settings.queue(), worker, now, now.plus(settings.lease()), want)
                    : List.<ClaimedJob>of();
        });
        for (Outcome o : finished) {
            if (o instanceof Outcome.Succeeded s) {
                metrics.completed(s.job().queue(), Duration.ofNanos(s.nanos()));
            }
        }
        retried.forEach(q -> metrics.retried(q, "backoff"));
        dead.forEach(metrics::failed);
        Instant claimedAt = clock.instant();
        claimed.forEach(job -> metrics.pickedUp(job.queue(), Duration.between(job.runAt(), claimedAt)));
        return new Committed(claimed, nextRetry[0]);
    }

    void extendLeases(Collection<JobId> ids) {
        List<JobId> copy = List.copyOf(ids);
        int renewed = gateway.inPlatform(sql -> store.extendLeases(sql, settings.worker(), copy,
                clock.instant().plus(settings.lease())));
        if (renewed < copy.size()) {
            log.warn("job queue {}: {} running job(s) had lost their lease (another worker may run them too)",
                    settings.queue(), copy.size() - renewed);
        }
    }

    int release(Collection<JobId> ids) {
        List<JobId> copy = List.copyOf(ids);
        return gateway.inPlatform(sql -> store.release(sql, settings.worker(), copy));
    }
}
