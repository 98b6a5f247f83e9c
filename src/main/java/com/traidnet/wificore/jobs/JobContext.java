package com.traidnet.wificore.jobs;

import com.traidnet.wificore.tenant.TenantId;

import java.util.Optional;

/**
 * What a handler knows about the job it runs.
 *
 * @param tenant      the tenant the job was enqueued for, or null for platform work
 * @param attempt     1 on the first run, 2 on the first retry, …
 * @param maxAttempts after this attempt fails the job goes to failed_jobs
 */
public record JobContext(JobId id, String queue, TenantId tenant, int attempt, int maxAttempts) {

    public Optional<TenantId> tenantId() {
        return Optional.ofNullable(tenant);
    }

    public boolean lastAttempt() {
        return attempt >= maxAttempts;
    }
}
