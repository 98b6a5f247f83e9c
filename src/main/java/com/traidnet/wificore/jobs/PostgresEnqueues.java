package com.traidnet.wificore.jobs;

import com.traidnet.wificore.tenant.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The enqueue side's SQL: one job in the caller's transaction (with its idempotency key, if
 * any), or a batch of keyless jobs committed on their own. No NOTIFY here: see
 * {@link Wakeups} for why it is sent after the commit.
 */
@Component
class PostgresEnqueues {

    /** The id of the job, and whether this call created it (false: the idempotency key named an existing one). */
    record Enqueued(JobId id, boolean created) {
    }

    Enqueued insert(JdbcClient sql, NewJob job, Instant now, Instant keysExpiredBefore) {
        if (job.idempotencyKey() != null) {
            Optional<JobId> existing = reserveKey(sql, job, now, keysExpiredBefore);
            if (existing.isPresent()) {
                return new Enqueued(existing.get(), false);
            }
        }
        sql.sql("""
                        insert into jobs (id, enqueued_at, queue, type, payload, tenant_id, priority, run_at,
                                          max_attempts, backoff_ms, idempotency_key)
                        values (?, ?, ?, ?, ?::jsonb, coalesce(?::uuid, app_current_tenant()), ?, ?, ?, ?, ?)""")
                .params(job.id().value(), Timestamp.from(job.id().enqueuedAt()), job.queue(), job.type(), job.payload(),
                        uuid(job.tenant()), job.priority(), Timestamp.from(job.runAt()), job.maxAttempts(),
                        job.backoffMillis(), job.idempotencyKey())
                .update();
        return new Enqueued(job.id(), true);
    }

    /**
     * Jobs enqueued outside any transaction and without a key, several callers' at once (see
     * {@link EnqueueGroupCommit}): one statement, committed on its own. It enters the platform
     * scope for its own implicit transaction only — the scope {@code TenantGateway.inPlatform}
     * would set — by computing its rows from a {@code set_config(…, true)}, so the setting is in
     * place before row-level security checks the first row and is gone when the statement ends.
     */
    void insertAlone(JdbcClient sql, List<NewJob> jobs) {
        sql.sql("""
                        insert into public.jobs (id, enqueued_at, queue, type, payload, tenant_id, priority, run_at,
                                                 max_attempts, backoff_ms)
                        select j.* from (select set_config('app.scope', 'platform', true)) platform_scope,
                            unnest(?::uuid[], ?::timestamptz[], ?::text[], ?::text[], ?::jsonb[], ?::uuid[],
                                   ?::smallint[], ?::timestamptz[], ?::int[], ?::bigint[])
                            as j(id, enqueued_at, queue, type, payload, tenant_id, priority, run_at, max_attempts,
                                 backoff_ms)""")
                .params(column(jobs, j -> j.id()), column(jobs, j -> j.id().enqueuedAt()), column(jobs, NewJob::queue),
                        column(jobs, NewJob::type), column(jobs, NewJob::payload), column(jobs, NewJob::tenant),
                        column(jobs, NewJob::priority), column(jobs, NewJob::runAt), column(jobs, NewJob::maxAttempts),
                        column(jobs, NewJob::backoffMillis))
                .update();
    }

    /** One column of {@code jobs} as a text array (PostgreSQL casts it to the column's type). */
    private static String[] column(List<NewJob> jobs, Function<NewJob, Object> field) {
        return jobs.stream().map(field).map(v -> v == null ? null : v.toString()).toArray(String[]::new);
    }

    /** Takes the key for this job, or returns the job that holds it. Concurrent callers queue on the unique index. */
    private Optional<JobId> reserveKey(JdbcClient sql, NewJob job, Instant now, Instant expiredBefore) {
        Optional<UUID> mine = sql.sql("""
                        insert into job_keys as k (tenant_id, key, job_id, created_at)
                        values (coalesce(?::uuid, app_current_tenant()), ?, ?, ?)
                        on conflict on constraint job_keys_key do update
                            set job_id = excluded.job_id, created_at = excluded.created_at, done_at = null
                            where k.done_at < ?
                        returning job_id""")
                .params(uuid(job.tenant()), job.idempotencyKey(), job.id().value(), Timestamp.from(now),
                        Timestamp.from(expiredBefore))
                .query(UUID.class).optional();
        if (mine.isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new JobId(sql.sql("""
                        select job_id from job_keys
                        where tenant_id is not distinct from coalesce(?::uuid, app_current_tenant()) and key = ?""")
                .params(uuid(job.tenant()), job.idempotencyKey()).query(UUID.class).single()));
    }

    private static UUID uuid(TenantId tenant) {
        return tenant == null ? null : tenant.value();
    }
}
