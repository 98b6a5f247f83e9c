package com.traidnet.wificore.jobs;

import com.traidnet.wificore.tenant.TenantGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * The queue's own housekeeping, run as a recurring job (hourly): forget idempotency keys whose
 * retention is over and failed jobs older than {@code wificore.jobs.failed-retention}. The jobs
 * table itself needs none: finished jobs are deleted, and its old daily partitions are dropped
 * by the partition maintenance.
 */
@Configuration(proxyBeanMethods = false)
class JobsMaintenance {

    private static final Logger log = LoggerFactory.getLogger(JobsMaintenance.class);
    private static final int BATCH = 10_000;

    /** The payload of the hourly clean-up. */
    record CleanUpJobs() {
    }

    @Bean
    RecurringJob jobsCleanUp() {
        return RecurringJob.of("jobs.clean-up", "0 7 * * * *", new CleanUpJobs());
    }

    @Bean
    JobHandler<CleanUpJobs> cleanUpJobsHandler(TenantGateway gateway, DeadLetters deadLetters, JobsSettings settings,
                                               Clock clock) {
        return new JobHandler<>() {
            @Override
            public Class<CleanUpJobs> type() {
                return CleanUpJobs.class;
            }

            @Override
            public String name() {
                return "jobs.clean-up";
            }

            @Override
            public void handle(CleanUpJobs payload, JobContext context) {
                Instant now = clock.instant();
                int keys = drain(() -> gateway.inPlatform(sql -> purgeKeys(sql, now.minus(settings.idempotencyRetention()))));
                int failed = drain(() -> gateway.inPlatform(sql -> deadLetters.purge(sql,
                        now.minus(settings.failedRetention()), BATCH)));
                if (keys + failed > 0) {
                    log.info("jobs clean-up: forgot {} idempotency key(s) and {} failed job(s)", keys, failed);
                }
            }
        };
    }

    private static int purgeKeys(JdbcClient sql, Instant before) {
        return sql.sql("delete from job_keys where ctid in (select ctid from job_keys where done_at < ? limit ?)")
                .params(Timestamp.from(before), BATCH).update();
    }

    private interface Batch {
        int run();
    }

    /** Repeats a bounded delete until it comes back short: short transactions, no long locks. */
    private static int drain(Batch batch) {
        int total = 0;
        int n;
        do {
            n = batch.run();
            total += n;
        } while (n == BATCH);
        return total;
    }
}
