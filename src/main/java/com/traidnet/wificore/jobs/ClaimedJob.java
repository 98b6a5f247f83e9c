package com.traidnet.wificore.jobs;

import com.traidnet.wificore.tenant.TenantId;

import java.time.Instant;
import java.util.Comparator;

/** A job leased to a worker; {@code attempts} already counts this run. */
record ClaimedJob(JobId id, String queue, String type, String payload, TenantId tenant, Instant runAt, int attempts,
                  int maxAttempts, long backoffMillis, String idempotencyKey, int priority) {

    /** The order the claim chose them in (UPDATE … RETURNING does not keep it). */
    static final Comparator<ClaimedJob> CLAIM_ORDER = Comparator.comparingInt(ClaimedJob::priority)
            .thenComparing(ClaimedJob::runAt);

    JobContext context() {
        return new JobContext(id, queue, tenant, attempts, maxAttempts);
    }

    /** Claimed more often than allowed: its earlier runs died without a verdict (crash or lost lease). */
    boolean abandoned() {
        return attempts > maxAttempts;
    }
}
