package com.traidnet.wificore.jobs;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Gives dead jobs another chance: out of failed_jobs, back into jobs with fresh attempts. The
 * job gets a new id, dated now — its old enqueue day's partition may be long dropped — and
 * keeps its idempotency key, which then names the new id.
 */
@Component
class DeadLetters {

    /** A job re-enqueued from failed_jobs. */
    record Retried(UUID failedId, JobId newId, String queue) {
    }

    Optional<Retried> retry(JdbcClient sql, UUID failedId, Instant now) {
        JobId fresh = JobId.next(now);
        return sql.sql("""
                        with f as (delete from failed_jobs where id = ? returning *),
                        ins as (
                            insert into jobs (id, enqueued_at, queue, type, payload, tenant_id, priority, run_at,
                                              max_attempts, backoff_ms, idempotency_key)
                            select ?, ?, queue, type, payload, tenant_id, priority, ?, max_attempts, backoff_ms,
                                   idempotency_key
                            from f
                            returning queue, tenant_id, idempotency_key),
                        keys as (
                            update job_keys k set job_id = ?, done_at = null from ins
                            where ins.idempotency_key is not null and k.key = ins.idempotency_key
                              and k.tenant_id is not distinct from ins.tenant_id)
                        select queue from ins""")
                .params(failedId, fresh.value(), Timestamp.from(fresh.enqueuedAt()), Timestamp.from(now),
                        fresh.value())
                .query((rs, n) -> new Retried(failedId, fresh, rs.getString(1))).optional();
    }

    /** The oldest failed jobs, up to {@code limit}; {@code queue} null = any queue. */
    List<UUID> oldest(JdbcClient sql, String queue, int limit) {
        return sql.sql("select id from failed_jobs where ?::text is null or queue = ? order by failed_at, id limit ?")
                .params(queue, queue, limit).query(UUID.class).list();
    }

    /** Deletes failed jobs that failed before {@code before}, at most {@code limit}. */
    int purge(JdbcClient sql, Instant before, int limit) {
        return sql.sql("delete from failed_jobs where id in (select id from failed_jobs where failed_at < ? limit ?)")
                .params(Timestamp.from(before), limit).update();
    }
}
