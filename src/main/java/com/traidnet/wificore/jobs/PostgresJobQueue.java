package com.traidnet.wificore.jobs;

import com.traidnet.wificore.tenant.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The queue's SQL. Every method runs on the caller's transaction ({@code sql} comes from a
 * TenantGateway scope). Statements that touch known jobs name them by id <em>and</em>
 * enqueued_at (as arrays, so one plan fits any batch), which lets PostgreSQL prune to their
 * daily partitions even with a cached generic plan. Only the claim has to look at every
 * partition: a due job may have been enqueued on any day.
 */
@Component
class PostgresJobQueue {

    static final String CHANNEL = "wificore_jobs";

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
        // the NOTIFY is delivered at commit, so a woken worker finds the row
        sql.sql("""
                        with j as (
                            insert into jobs (id, enqueued_at, queue, type, payload, tenant_id, priority, run_at,
                                              max_attempts, backoff_ms, idempotency_key)
                            values (?, ?, ?, ?, ?::jsonb, coalesce(?::uuid, app_current_tenant()), ?, ?, ?, ?, ?)
                            returning 1)
                        select pg_notify(?, ?) from j""")
                .params(job.id().value(), Timestamp.from(job.id().enqueuedAt()), job.queue(), job.type(), job.payload(),
                        uuid(job.tenant()), job.priority(), Timestamp.from(job.runAt()), job.maxAttempts(),
                        job.backoffMillis(), job.idempotencyKey(), CHANNEL, wakeUp(job.queue(), job.runAt(), now))
                .query().singleRow();
        return new Enqueued(job.id(), true);
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

    /** The NOTIFY payload: the queue, and when the job is due if that is later than now. */
    static String wakeUp(String queue, Instant runAt, Instant now) {
        return runAt.isAfter(now) ? queue + "@" + runAt.toEpochMilli() : queue;
    }

    /**
     * Leases up to {@code limit} due jobs of {@code queue}: most urgent first, then longest due.
     * SKIP LOCKED lets concurrent claimers pass each other; a job whose lease ran out (its
     * worker died) is due again. The lock-then-update runs as one statement; the update finds
     * its rows through the claimed ids, pruned to their partitions at run time.
     */
    List<ClaimedJob> claim(JdbcClient sql, String queue, String worker, Instant now, Instant leaseUntil, int limit) {
        return sql.sql("""
                        with c as materialized (
                            select id, enqueued_at from jobs
                            where queue = ? and run_at <= ? and (locked_until is null or locked_until < ?)
                            order by priority, run_at
                            limit ?
                            for update skip locked)
                        update jobs j set locked_by = ?, locked_until = ?, attempts = j.attempts + 1
                        where j.id = any(array(select id from c)) and j.enqueued_at = any(array(select enqueued_at from c))
                        returning j.id, j.queue, j.type, j.payload::text, j.tenant_id, j.run_at, j.attempts,
                                  j.max_attempts, j.backoff_ms, j.idempotency_key""")
                .params(queue, Timestamp.from(now), Timestamp.from(now), limit, worker, Timestamp.from(leaseUntil))
                .query(PostgresJobQueue::claimed).list();
    }

    private static ClaimedJob claimed(ResultSet rs, int row) throws SQLException {
        UUID tenant = rs.getObject(5, UUID.class);
        return new ClaimedJob(new JobId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3),
                rs.getString(4), tenant == null ? null : new TenantId(tenant), rs.getTimestamp(6).toInstant(),
                rs.getInt(7), rs.getInt(8), rs.getLong(9), rs.getString(10));
    }

    /** Deletes succeeded jobs that this worker still holds; their idempotency keys start to expire. */
    int deleteSucceeded(JdbcClient sql, String worker, Collection<JobId> ids, Instant now) {
        return sql.sql("""
                        with done as (
                            delete from jobs
                            where id = any(?::uuid[]) and enqueued_at = any(?::timestamptz[]) and locked_by = ?
                            returning tenant_id, idempotency_key),
                        keys as (
                            update job_keys k set done_at = ? from done
                            where done.idempotency_key is not null and k.key = done.idempotency_key
                              and k.tenant_id is not distinct from done.tenant_id)
                        select count(*) from done""")
                .params(ids(ids), times(ids), worker, Timestamp.from(now)).query(Integer.class).single();
    }

    /** Puts a failed job back, due at {@code runAt}. False if this worker no longer held it. */
    boolean scheduleRetry(JdbcClient sql, String worker, JobId id, Instant runAt, String error) {
        return sql.sql("""
                        update jobs set locked_by = null, locked_until = null, run_at = ?, last_error = ?
                        where id = ? and enqueued_at = ? and locked_by = ?""")
                .params(Timestamp.from(runAt), error, id.value(), Timestamp.from(id.enqueuedAt()), worker)
                .update() == 1;
    }

    /** Moves a job that used up its attempts to failed_jobs. False if this worker no longer held it. */
    boolean deadLetter(JdbcClient sql, String worker, JobId id, String error, Instant now) {
        return sql.sql("""
                        with dead as (
                            delete from jobs where id = ? and enqueued_at = ? and locked_by = ? returning *),
                        keys as (
                            update job_keys k set done_at = ? from dead
                            where dead.idempotency_key is not null and k.key = dead.idempotency_key
                              and k.tenant_id is not distinct from dead.tenant_id)
                        insert into failed_jobs (id, enqueued_at, queue, type, payload, tenant_id, priority, attempts,
                                                 max_attempts, backoff_ms, idempotency_key, error, failed_at)
                        select id, enqueued_at, queue, type, payload, tenant_id, priority, least(attempts, max_attempts),
                               max_attempts, backoff_ms, idempotency_key, ?, ?
                        from dead""")
                .params(id.value(), Timestamp.from(id.enqueuedAt()), worker, Timestamp.from(now), error,
                        Timestamp.from(now))
                .update() == 1;
    }

    /** Gives unfinished jobs back at once (shutdown): not a failed attempt, so the count is undone. */
    int release(JdbcClient sql, String worker, Collection<JobId> ids) {
        return sql.sql("""
                        update jobs set locked_by = null, locked_until = null, attempts = greatest(attempts - 1, 0)
                        where id = any(?::uuid[]) and enqueued_at = any(?::timestamptz[]) and locked_by = ?""")
                .params(ids(ids), times(ids), worker).update();
    }

    /** Renews the leases of jobs that are still running. */
    int extendLeases(JdbcClient sql, String worker, Collection<JobId> ids, Instant until) {
        return sql.sql("""
                        update jobs set locked_until = ?
                        where id = any(?::uuid[]) and enqueued_at = any(?::timestamptz[]) and locked_by = ?""")
                .params(Timestamp.from(until), ids(ids), times(ids), worker).update();
    }

    static String[] ids(Collection<JobId> ids) {
        return ids.stream().map(JobId::toString).toArray(String[]::new);
    }

    /** The partition keys of {@code ids}, distinct: usually one or two days for a whole batch. */
    static String[] times(Collection<JobId> ids) {
        return ids.stream().map(id -> id.enqueuedAt().toString()).distinct().toArray(String[]::new);
    }

    private static UUID uuid(TenantId tenant) {
        return tenant == null ? null : tenant.value();
    }
}
