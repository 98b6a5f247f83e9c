package com.traidnet.wificore.jobs;

import org.springframework.scheduling.support.CronExpression;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A job enqueued on a cron schedule, once per fire across all nodes. Modules declare these as
 * Spring beans: {@code @Bean RecurringJob sweep() { return RecurringJob.of("radius.sweep", "0 * * * * *", new Sweep()); }}.
 * A fire missed while no node was running is made up once, not once per missed fire.
 *
 * @param name    unique, stable name ({@code [a-z][a-z0-9_.-]*}); the schedule's row is keyed by it
 * @param cron    Spring {@link CronExpression}: second minute hour day-of-month month day-of-week
 * @param zone    time zone the cron is read in
 * @param payload the job enqueued at every fire
 * @param options queue, priority, attempts… of those jobs
 */
public record RecurringJob(String name, String cron, ZoneId zone, Record payload, JobOptions options) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_.-]{0,99}");

    public RecurringJob {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(zone, "zone");
        options = options == null ? JobOptions.defaults() : options;
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a recurring job name: " + name);
        }
        CronExpression.parse(cron);
        if (options.idempotencyKey() != null || options.runAt() != null || options.delay() != null) {
            throw new IllegalArgumentException("recurring job " + name + ": the schedule sets the start time and key");
        }
    }

    /** Fires in UTC with default options. */
    public static RecurringJob of(String name, String cron, Record payload) {
        return new RecurringJob(name, cron, ZoneOffset.UTC, payload, JobOptions.defaults());
    }

    public RecurringJob options(JobOptions options) {
        return new RecurringJob(name, cron, zone, payload, options);
    }

    public RecurringJob zone(ZoneId zone) {
        return new RecurringJob(name, cron, zone, payload, options);
    }

    CronExpression expression() {
        return CronExpression.parse(cron);
    }
}
