package com.traidnet.wificore.jobs;

import java.time.Instant;
import java.util.UUID;

/** A dead job in failed_jobs (without its payload, which may carry personal data). */
record FailedJobView(UUID id, String queue, String type, UUID tenantId, int attempts, String error, Instant enqueuedAt,
                     Instant failedAt) {
}
