package com.traidnet.wificore.jobs;

import com.traidnet.wificore.tenant.TenantGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

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
    private static final Duration SINCE_REFRESH = Duration.ofMinutes(5);

    /** What a commit claimed, and the earliest retry it scheduled (null if none). */
    record Committed(List<ClaimedJob> claimed, Instant nextRetry) {
    }

    private final PoolSettings settings;
    private final TenantGateway gateway;
    private final PostgresJobQueue store;
    private final JobMetrics metrics;
    private final Backoff backoff;
    private final Clock clock;
    private EnqueueDays since;
    private long sinceComputedAt;

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
        List<JobId> succeeded = new ArrayList<>();
        List<Outcome.Failed> failed = new ArrayList<>();
        for (Outcome o : finished) {
            switch (o) {
                case Outcome.Succeeded s -> succeeded.add(s.job().id());
                case Outcome.Failed f -> failed.add(f);
            }
        }
        var verdicts = new Verdicts();
        PostgresJobQueue.Cycle cycle = gateway.inPlatform(sql -> {
            verdicts.clear(); // a retried transaction starts over
            failed.forEach(f -> record(sql, f, now, verdicts));
            return store.completeAndClaim(sql, settings.worker(), succeeded, now, settings.queue(),
                    now.plus(settings.lease()), want, want > 0 ? since(sql, now) : EnqueueDays.since(now));
        });
        if (cycle.deleted() < succeeded.size()) {
            log.warn("job queue {}: {} succeeded job(s) had lost their lease and may run again",
                    settings.queue(), succeeded.size() - cycle.deleted());
        }
        for (Outcome o : finished) {
            if (o instanceof Outcome.Succeeded s) {
                metrics.completed(s.job().queue(), Duration.ofNanos(s.nanos()));
            }
        }
        verdicts.retried.forEach(q -> metrics.retried(q, "backoff"));
        verdicts.dead.forEach(metrics::failed);
        return new Committed(cycle.claimed(), verdicts.nextRetry);
    }

    /** What became of failed attempts in one transaction: counted once it commits. */
    private static final class Verdicts {
        final List<String> retried = new ArrayList<>();
        final List<String> dead = new ArrayList<>();
        Instant nextRetry;

        void clear() {
            retried.clear();
            dead.clear();
            nextRetry = null;
        }
    }

    /** A failed attempt: retried after its backoff, or dead-lettered after its last attempt. */
    private void record(JdbcClient sql, Outcome.Failed f, Instant now, Verdicts verdicts) {
        ClaimedJob job = f.job();
        if (job.attempts() >= job.maxAttempts()) {
            if (store.deadLetter(sql, settings.worker(), job.id(), f.error(), now)) {
                verdicts.dead.add(job.queue());
            }
            return;
        }
        Instant at = now.plus(backoff.after(job.attempts(), job.backoffMillis()));
        if (store.scheduleRetry(sql, settings.worker(), job.id(), at, f.error())) {
            verdicts.retried.add(job.queue());
            verdicts.nextRetry = verdicts.nextRetry == null || at.isBefore(verdicts.nextRetry) ? at : verdicts.nextRetry;
        }
    }

    /** A claimed job's handler is about to start: its pick-up latency is complete. */
    void starting(ClaimedJob job) {
        metrics.pickedUp(job.queue(), Duration.between(job.runAt(), clock.instant()));
    }

    /**
     * The claim's lower bound on enqueue days: the day of the queue's oldest job, or yesterday if
     * that is later. Jobs enqueued after this look-up carry (their node's) current time, which
     * the day's margin keeps above the bound even for a skewed clock or a long transaction.
     * Looked up again every few minutes; a bound that is too low costs a little, never a job.
     */
    private EnqueueDays since(JdbcClient sql, Instant now) {
        if (since == null || System.nanoTime() - sinceComputedAt > SINCE_REFRESH.toNanos()) {
            Instant yesterday = now.minus(Duration.ofDays(1));
            since = EnqueueDays.since(store.oldestEnqueuedBefore(sql, settings.queue(), yesterday).orElse(yesterday));
            sinceComputedAt = System.nanoTime();
        }
        return since;
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
