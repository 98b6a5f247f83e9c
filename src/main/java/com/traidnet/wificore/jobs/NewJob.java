package com.traidnet.wificore.jobs;

import com.traidnet.wificore.tenant.TenantId;

import java.time.Instant;

/** A job about to be inserted; {@code tenant} null = the surrounding transaction's tenant, if any. */
record NewJob(JobId id, String queue, String type, String payload, TenantId tenant, int priority, Instant runAt,
              int maxAttempts, long backoffMillis, String idempotencyKey) {
}
