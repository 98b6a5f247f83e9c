package com.traidnet.wificore.jobs;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code wificore.jobs.*} (environment {@code WIFICORE_JOBS_*}); see docs/jobs.md.
 *
 * @param enabled              run workers and recurring schedules on this node (enqueueing always works)
 * @param defaultConcurrency   jobs run at once per queue on this node, unless the queue says otherwise
 * @param queues               per queue: {@code wificore.jobs.queues.<name>.concurrency} (0 = not served here)
 * @param pollInterval         how often an idle worker looks for jobs anyway (LISTEN/NOTIFY wakes it sooner)
 * @param visibilityTimeout    lease of a claimed job; renewed while it runs; after it, a crashed worker's job is claimable again
 * @param shutdownTimeout      on shutdown, how long running jobs may finish before they are released
 * @param maxAttempts          default attempts before a job goes to failed_jobs
 * @param backoff              default first retry delay; doubles each attempt (with jitter)
 * @param maxBackoff           longest retry delay
 * @param maxDelay             furthest into the future a job may be scheduled (must stay below the jobs partitions' retention)
 * @param idempotencyRetention how long a finished job's idempotency key still answers with that job
 * @param failedRetention      how long dead jobs are kept in failed_jobs
 */
@ConfigurationProperties("wificore.jobs")
public record JobsSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("4") int defaultConcurrency,
        Map<String, Queue> queues,
        @DefaultValue("PT1S") Duration pollInterval,
        @DefaultValue("PT1M") Duration visibilityTimeout,
        @DefaultValue("PT15S") Duration shutdownTimeout,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("PT10S") Duration backoff,
        @DefaultValue("PT1H") Duration maxBackoff,
        @DefaultValue("P30D") Duration maxDelay,
        @DefaultValue("P1D") Duration idempotencyRetention,
        @DefaultValue("P30D") Duration failedRetention) {

    static final Pattern QUEUE_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,62}");

    /** @param concurrency jobs of this queue run at once on this node; 0 = this node does not serve the queue */
    public record Queue(@DefaultValue("4") int concurrency) {
        public Queue {
            if (concurrency < 0 || concurrency > 1000) {
                throw new IllegalArgumentException("wificore.jobs.queues.*.concurrency must be 0..1000");
            }
        }
    }

    public JobsSettings {
        queues = queues == null ? Map.of() : Map.copyOf(queues);
        queues.keySet().forEach(name -> {
            if (!QUEUE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("wificore.jobs.queues: not a queue name: " + name);
            }
        });
        if (defaultConcurrency < 0 || defaultConcurrency > 1000 || maxAttempts < 1) {
            throw new IllegalArgumentException("wificore.jobs.default-concurrency must be 0..1000, max-attempts at least 1");
        }
        for (Duration d : new Duration[] {pollInterval, visibilityTimeout, shutdownTimeout, maxBackoff, maxDelay,
                idempotencyRetention, failedRetention}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("wificore.jobs durations must be positive");
            }
        }
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("wificore.jobs.backoff must not be negative");
        }
    }

    /** Concurrency of {@code queue} on this node. */
    int concurrency(String queue) {
        Queue q = queues.get(queue);
        return q == null ? defaultConcurrency : q.concurrency();
    }
}
