package com.traidnet.wificore.jobs;

import com.traidnet.wificore.tenant.TenantGateway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Instant;

/**
 * Enqueues jobs. Called inside a {@code TenantGateway.inTenant}/{@code inPlatform} transaction,
 * the job is part of that transaction: it exists (and wakes a worker) only if the business
 * change commits. Called outside any transaction, it commits on its own (sharing the commit with
 * concurrent callers: group commit). In a tenant's scope
 * the job belongs to that tenant unless the options name one (naming another tenant fails the
 * row-level-security check).
 */
@Service
public class Jobs {

    private final JobHandlers handlers;
    private final PostgresEnqueues queue;
    private final TenantGateway gateway;
    private final JdbcClient sql;
    private final JobMetrics metrics;
    private final Wakeups wakeups;
    private final EnqueueGroupCommit groupCommit;
    private final JobsSettings settings;
    private final Clock clock;

    Jobs(JobHandlers handlers, PostgresEnqueues queue, TenantGateway gateway, JdbcClient sql, JobMetrics metrics,
         Wakeups wakeups, EnqueueGroupCommit groupCommit, JobsSettings settings, Clock clock) {
        this.handlers = handlers;
        this.queue = queue;
        this.gateway = gateway;
        this.sql = sql;
        this.metrics = metrics;
        this.wakeups = wakeups;
        this.groupCommit = groupCommit;
        this.settings = settings;
        this.clock = clock;
    }

    /** Enqueues with default options; see {@link #enqueue(Record, JobOptions)}. */
    public JobId enqueue(Record payload) {
        return enqueue(payload, JobOptions.defaults());
    }

    /**
     * Enqueues {@code payload} for the {@link JobHandler} bean of its type.
     *
     * @return the new job's id, or — when {@code options.idempotencyKey()} is already taken — the id of
     *         the job that holds the key
     * @throws IllegalArgumentException no handler for the payload's type, or a start beyond {@code wificore.jobs.max-delay}
     */
    public JobId enqueue(Record payload, JobOptions options) {
        Instant now = clock.instant();
        NewJob job = prepare(payload, options, now);
        Instant keysExpired = now.minus(settings.idempotencyRetention());
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            var result = queue.insert(sql, job, now, keysExpired);
            if (result.created()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        committed(job, now);
                    }
                });
            }
            return result.id();
        }
        if (job.idempotencyKey() == null) {
            groupCommit.enqueue(job);
            committed(job, now);
            return job.id();
        }
        var result = gateway.inPlatform(tx -> queue.insert(tx, job, now, keysExpired));
        if (result.created()) {
            committed(job, now);
        }
        return result.id();
    }

    private void committed(NewJob job, Instant now) {
        metrics.enqueued(job.queue());
        wakeups.enqueued(job.queue(), job.runAt(), now);
    }

    private NewJob prepare(Record payload, JobOptions options, Instant now) {
        JobHandler<?> handler = handlers.forPayload(payload);
        Instant runAt = options.runAt() != null ? options.runAt()
                : options.delay() != null ? now.plus(options.delay()) : now;
        if (runAt.isAfter(now.plus(settings.maxDelay()))) {
            throw new IllegalArgumentException("a job may start at most " + settings.maxDelay()
                    + " from now (wificore.jobs.max-delay), not at " + runAt);
        }
        return new NewJob(JobId.next(now), options.queue() != null ? options.queue() : handler.queue(), handler.name(),
                handlers.toJson(payload), options.tenant(), options.priority() != null ? options.priority() : 5,
                runAt, options.maxAttempts() != null ? options.maxAttempts() : settings.maxAttempts(),
                (options.backoff() != null ? options.backoff() : settings.backoff()).toMillis(),
                options.idempotencyKey());
    }
}
