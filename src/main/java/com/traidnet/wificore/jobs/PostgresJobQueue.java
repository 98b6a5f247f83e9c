package com.traidnet.wificore.jobs;

import com.traidnet.wificore.tenant.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The workers' SQL (enqueueing is {@link PostgresEnqueues}). Every method runs on the caller's
 * transaction ({@code sql} comes from a TenantGateway platform scope). Statements that touch
 * known jobs name them by id and enqueued_at, and bound enqueued_at by their days as literals
 * ({@link EnqueueDays}), so PostgreSQL plans them against those days' partitions only, however
 * many there are.
 */
@Component
class PostgresJobQueue {

    static final String CHANNEL = "wificore_jobs";

    /** What one worker cycle did: how many succeeded jobs it deleted, and what it claimed. */
    record Cycle(int deleted, List<ClaimedJob> claimed) {
    }

    /**
     * One statement per worker cycle: deletes the jobs that succeeded (if this worker still
     * holds them; their idempotency keys start to expire), and leases up to {@code limit} due
     * jobs of {@code queue} — most urgent first, then longest due. SKIP LOCKED lets concurrent
     * claimers pass each other; a job whose lease ran out (its worker died) is due again; the
     * jobs being deleted are excluded by id, so the two halves never touch the same row.
     * <p>
     * A due job may have been enqueued on any day, so the claim cannot name its partitions;
     * {@code since} — no live job of the queue is older (see {@link PoolTransactions}) — keeps it
     * from visiting the empty old ones. The commit need not wait for the WAL flush: if the
     * database crashes first, a deletion may be lost and that job runs again, which at-least-once
     * delivery allows anyway; claims, retries and dead letters lost that way come back as well.
     */
    Cycle completeAndClaim(JdbcClient sql, String worker, Collection<JobId> succeeded, Instant now, String queue,
                           Instant leaseUntil, int limit, EnqueueDays since) {
        String doneDays = succeeded.isEmpty() ? "false" : EnqueueDays.of(succeeded).condition("");
        List<ClaimedJob> claimed = new ArrayList<>();
        int[] deleted = {0};
        sql.sql("""
                        with done as (
                            delete from jobs
                            where %1$s and id = any(?::uuid[]) and enqueued_at = any(?::timestamptz[]) and locked_by = ?
                            returning tenant_id, idempotency_key),
                        keys as (
                            update job_keys k set done_at = ? from done
                            where done.idempotency_key is not null and k.key = done.idempotency_key
                              and k.tenant_id is not distinct from done.tenant_id),
                        c as materialized (
                            select id, enqueued_at from jobs
                            where queue = ? and %2$s and run_at <= ? and (locked_until is null or locked_until < ?)
                              and id <> all(?::uuid[])
                            order by priority, run_at
                            limit ?
                            for update skip locked),
                        claimed as (
                            update jobs j set locked_by = ?, locked_until = ?, attempts = j.attempts + 1
                            where %3$s and j.id = any(array(select id from c))
                              and j.enqueued_at = any(array(select enqueued_at from c))
                            returning j.id, j.queue, j.type, j.payload::text, j.tenant_id, j.run_at, j.attempts,
                                      j.max_attempts, j.backoff_ms, j.idempotency_key, j.priority)
                        select (select count(*) from done), set_config('synchronous_commit', 'off', true), claimed.*
                        from (select 1) one left join claimed on true""".formatted(doneDays, since.condition(""),
                        since.condition("j.")))
                .params(ids(succeeded), times(succeeded), worker, Timestamp.from(now),
                        queue, Timestamp.from(now), Timestamp.from(now), ids(succeeded), limit,
                        worker, Timestamp.from(leaseUntil))
                .query(rs -> {
                    deleted[0] = rs.getInt(1);
                    if (rs.getObject(3) != null) {
                        claimed.add(claimed(rs, 2));
                    }
                });
        claimed.sort(ClaimedJob.CLAIM_ORDER);
        return new Cycle(deleted[0], claimed);
    }

    /**
     * When the oldest job of {@code queue} enqueued before {@code day} (a day boundary) was
     * enqueued, if there is one. Only the partitions before that day are read — old jobs are
     * few (finished ones are deleted) — never today's, which may hold a large backlog.
     */
    Optional<Instant> oldestEnqueuedBefore(JdbcClient sql, String queue, Instant day) {
        String before = "enqueued_at < timestamptz '" + day.truncatedTo(ChronoUnit.DAYS) + "'";
        return sql.sql("select enqueued_at from jobs where queue = ? and " + before + " order by enqueued_at limit 1")
                .param(queue).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** The job in the columns after the first {@code skip}. */
    private static ClaimedJob claimed(ResultSet rs, int skip) throws SQLException {
        UUID tenant = rs.getObject(skip + 5, UUID.class);
        return new ClaimedJob(new JobId(rs.getObject(skip + 1, UUID.class)), rs.getString(skip + 2),
                rs.getString(skip + 3), rs.getString(skip + 4), tenant == null ? null : new TenantId(tenant),
                rs.getTimestamp(skip + 6).toInstant(), rs.getInt(skip + 7), rs.getInt(skip + 8), rs.getLong(skip + 9),
                rs.getString(skip + 10), rs.getInt(skip + 11));
    }

    /** Puts a failed job back, due at {@code runAt}. False if this worker no longer held it. */
    boolean scheduleRetry(JdbcClient sql, String worker, JobId id, Instant runAt, String error) {
        return sql.sql("""
                        update jobs set locked_by = null, locked_until = null, run_at = ?, last_error = ?
                        where %s and id = ? and enqueued_at = ? and locked_by = ?"""
                        .formatted(EnqueueDays.of(List.of(id)).condition("")))
                .params(Timestamp.from(runAt), error, id.value(), Timestamp.from(id.enqueuedAt()), worker)
                .update() == 1;
    }

    /** Moves a job that used up its attempts to failed_jobs. False if this worker no longer held it. */
    boolean deadLetter(JdbcClient sql, String worker, JobId id, String error, Instant now) {
        return sql.sql("""
                        with dead as (
                            delete from jobs where %s and id = ? and enqueued_at = ? and locked_by = ? returning *),
                        keys as (
                            update job_keys k set done_at = ? from dead
                            where dead.idempotency_key is not null and k.key = dead.idempotency_key
                              and k.tenant_id is not distinct from dead.tenant_id)
                        insert into failed_jobs (id, enqueued_at, queue, type, payload, tenant_id, priority, attempts,
                                                 max_attempts, backoff_ms, idempotency_key, error, failed_at)
                        select id, enqueued_at, queue, type, payload, tenant_id, priority, least(attempts, max_attempts),
                               max_attempts, backoff_ms, idempotency_key, ?, ?
                        from dead""".formatted(EnqueueDays.of(List.of(id)).condition("")))
                .params(id.value(), Timestamp.from(id.enqueuedAt()), worker, Timestamp.from(now), error,
                        Timestamp.from(now))
                .update() == 1;
    }

    /** Gives unfinished jobs back at once (shutdown): not a failed attempt, so the count is undone. */
    int release(JdbcClient sql, String worker, Collection<JobId> ids) {
        return sql.sql("""
                        update jobs set locked_by = null, locked_until = null, attempts = greatest(attempts - 1, 0)
                        where %s and id = any(?::uuid[]) and enqueued_at = any(?::timestamptz[]) and locked_by = ?"""
                        .formatted(EnqueueDays.of(ids).condition("")))
                .params(ids(ids), times(ids), worker).update();
    }

    /** Renews the leases of jobs that are still running. */
    int extendLeases(JdbcClient sql, String worker, Collection<JobId> ids, Instant until) {
        return sql.sql("""
                        update jobs set locked_until = ?
                        where %s and id = any(?::uuid[]) and enqueued_at = any(?::timestamptz[]) and locked_by = ?"""
                        .formatted(EnqueueDays.of(ids).condition("")))
                .params(Timestamp.from(until), ids(ids), times(ids), worker).update();
    }

    static String[] ids(Collection<JobId> ids) {
        return ids.stream().map(JobId::toString).toArray(String[]::new);
    }

    /** The partition keys of {@code ids}, distinct: usually one or two days for a whole batch. */
    static String[] times(Collection<JobId> ids) {
        return ids.stream().map(id -> id.enqueuedAt().toString()).distinct().toArray(String[]::new);
    }

}
