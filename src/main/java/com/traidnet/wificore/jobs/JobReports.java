package com.traidnet.wificore.jobs;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Read-only views of the queue for the CLI, the API and the gauges. They run in whatever
 * gateway scope the caller chose: in a tenant's scope row-level security leaves only that
 * tenant's jobs. Counting reads every partition; finished jobs are deleted, so the live
 * queue stays small.
 */
@Component
class JobReports {

    List<QueueStatus> status(JdbcClient sql, Instant now) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Long> oldest = new TreeMap<>();
        Timestamp at = Timestamp.from(now);
        sql.sql("""
                        select queue,
                               count(*) filter (where leased is false and run_at <= ?),
                               count(*) filter (where leased is false and run_at > ?),
                               count(*) filter (where leased),
                               extract(epoch from ? - min(run_at) filter (where leased is false and run_at <= ?))::bigint
                        from (select queue, run_at, coalesce(locked_until >= ?, false) as leased from jobs) j
                        group by queue""")
                .params(at, at, at, at, at)
                .query(rs -> {
                    counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), 0});
                    long age = rs.getLong(5);
                    if (!rs.wasNull()) {
                        oldest.put(rs.getString(1), age);
                    }
                });
        sql.sql("select queue, count(*) from failed_jobs group by queue")
                .query(rs -> {
                    counts.computeIfAbsent(rs.getString(1), q -> new long[4])[3] = rs.getLong(2);
                });
        List<QueueStatus> status = new ArrayList<>();
        counts.forEach((queue, c) -> status.add(new QueueStatus(queue, c[0], c[1], c[2], c[3], oldest.get(queue))));
        return status;
    }

    /** Newest failures first; {@code queue} null = all queues. */
    List<FailedJobView> failed(JdbcClient sql, String queue, int offset, int limit) {
        return sql.sql("""
                        select id, queue, type, tenant_id, attempts, error, enqueued_at, failed_at from failed_jobs
                        where ?::text is null or queue = ?
                        order by failed_at desc, id
                        offset ? limit ?""")
                .params(queue, queue, offset, limit).query(JobReports::failedJob).list();
    }

    List<ScheduleView> schedules(JdbcClient sql) {
        return sql.sql("select name, cron, zone, next_fire_at, last_fire_at, last_job_id from job_schedules order by name")
                .query((rs, n) -> new ScheduleView(rs.getString(1), rs.getString(2), rs.getString(3),
                        instant(rs, 4), instant(rs, 5), rs.getObject(6, UUID.class)))
                .list();
    }

    private static FailedJobView failedJob(ResultSet rs, int row) throws SQLException {
        return new FailedJobView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getObject(4, UUID.class), rs.getInt(5), rs.getString(6), instant(rs, 7), instant(rs, 8));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
