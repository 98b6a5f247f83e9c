package com.traidnet.wificore.jobs;

import com.traidnet.wificore.tenant.TenantId;

import java.time.Duration;
import java.time.Instant;

/**
 * How to enqueue a job; every field is optional (null = the default). Build with the withers:
 * {@code JobOptions.defaults().queue("mail").delay(Duration.ofMinutes(5)).idempotencyKey("welcome:" + id)}.
 *
 * @param queue          queue name ({@code [a-z][a-z0-9_-]*}); default: the handler's {@link JobHandler#queue()}
 * @param tenant         tenant the job belongs to; default: the tenant of the surrounding
 *                       {@code TenantGateway.inTenant} transaction, none in platform scope
 * @param priority       0 (most urgent) … 9; default 5
 * @param runAt          earliest start; default now (or now + {@code delay})
 * @param delay          start no earlier than this from now (ignored when {@code runAt} is set)
 * @param maxAttempts    attempts before the job is dead-lettered; default {@code wificore.jobs.max-attempts}
 * @param backoff        first retry delay, doubled per attempt; default {@code wificore.jobs.backoff}
 * @param idempotencyKey enqueueing the same key again (per tenant) returns the existing job instead of a new one
 */
public record JobOptions(String queue, TenantId tenant, Integer priority, Instant runAt, Duration delay,
                         Integer maxAttempts, Duration backoff, String idempotencyKey) {

    private static final JobOptions DEFAULTS = new JobOptions(null, null, null, null, null, null, null, null);

    public JobOptions {
        if (priority != null && (priority < 0 || priority > 9)) {
            throw new IllegalArgumentException("priority must be 0..9, not " + priority);
        }
        if (maxAttempts != null && maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (backoff != null && backoff.isNegative()) {
            throw new IllegalArgumentException("backoff must not be negative");
        }
        if (delay != null && delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        if (idempotencyKey != null && (idempotencyKey.isEmpty() || idempotencyKey.length() > 200)) {
            throw new IllegalArgumentException("idempotencyKey must be 1..200 characters");
        }
        if (queue != null && !JobsSettings.QUEUE_NAME.matcher(queue).matches()) {
            throw new IllegalArgumentException("not a queue name: " + queue);
        }
    }

    public static JobOptions defaults() {
        return DEFAULTS;
    }

    public JobOptions queue(String queue) {
        return new JobOptions(queue, tenant, priority, runAt, delay, maxAttempts, backoff, idempotencyKey);
    }

    public JobOptions tenant(TenantId tenant) {
        return new JobOptions(queue, tenant, priority, runAt, delay, maxAttempts, backoff, idempotencyKey);
    }

    public JobOptions priority(int priority) {
        return new JobOptions(queue, tenant, priority, runAt, delay, maxAttempts, backoff, idempotencyKey);
    }

    public JobOptions runAt(Instant runAt) {
        return new JobOptions(queue, tenant, priority, runAt, delay, maxAttempts, backoff, idempotencyKey);
    }

    public JobOptions delay(Duration delay) {
        return new JobOptions(queue, tenant, priority, runAt, delay, maxAttempts, backoff, idempotencyKey);
    }

    public JobOptions maxAttempts(int maxAttempts) {
        return new JobOptions(queue, tenant, priority, runAt, delay, maxAttempts, backoff, idempotencyKey);
    }

    public JobOptions backoff(Duration backoff) {
        return new JobOptions(queue, tenant, priority, runAt, delay, maxAttempts, backoff, idempotencyKey);
    }

    public JobOptions idempotencyKey(String idempotencyKey) {
        return new JobOptions(queue, tenant, priority, runAt, delay, maxAttempts, backoff, idempotencyKey);
    }
}
