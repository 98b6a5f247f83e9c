package com.traidnet.wificore.jobs;

import com.traidnet.wificore.tenant.TenantGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fires the {@link RecurringJob} beans. Every node ticks; a fire is claimed by moving the
 * schedule's {@code next_fire_at} from the value the node read to the next one — a
 * compare-and-set that only one node can win — and the job is enqueued in that same
 * transaction. A node that was down makes up a missed fire once, then continues from now.
 */
@Component
class RecurringJobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RecurringJobs.class);
    private static final Duration MAX_TICK = Duration.ofSeconds(1);

    private final Map<String, RecurringJob> schedules = new LinkedHashMap<>();
    private final TenantGateway gateway;
    private final Jobs jobs;
    private final JobsSettings settings;
    private final Clock clock;
    private volatile boolean running;
    private Thread ticker;

    @Autowired
    RecurringJobs(ObjectProvider<RecurringJob> recurring, TenantGateway gateway, Jobs jobs, JobsSettings settings,
                  Clock clock) {
        this(recurring.orderedStream().toList(), gateway, jobs, settings, clock);
    }

    RecurringJobs(List<RecurringJob> recurring, TenantGateway gateway, Jobs jobs, JobsSettings settings, Clock clock) {
        for (RecurringJob r : recurring) {
            if (schedules.put(r.name(), r) != null) {
                throw new IllegalStateException("two recurring jobs named " + r.name());
            }
        }
        this.gateway = gateway;
        this.jobs = jobs;
        this.settings = settings;
        this.clock = clock;
    }

    /** Creates missing schedule rows; a changed cron or zone starts over from now. */
    void register() {
        Instant now = clock.instant();
        gateway.inPlatform(sql -> {
            for (RecurringJob r : schedules.values()) {
                sql.sql("""
                                insert into job_schedules as s (name, cron, zone, next_fire_at, updated_at)
                                values (?, ?, ?, ?, ?)
                                on conflict (name) do update
                                    set cron = excluded.cron, zone = excluded.zone,
                                        next_fire_at = excluded.next_fire_at, updated_at = excluded.updated_at
                                    where s.cron <> excluded.cron or s.zone <> excluded.zone""")
                        .params(r.name(), r.cron(), r.zone().getId(), Timestamp.from(next(r, now)), Timestamp.from(now))
                        .update();
            }
            return null;
        });
    }

    /** Enqueues every due fire this node wins; returns how many it enqueued. */
    int fireDue() {
        if (schedules.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        Map<String, Instant> due = new LinkedHashMap<>();
        gateway.inPlatform(sql -> {
            sql.sql("select name, next_fire_at from job_schedules where name = any(?::text[]) and next_fire_at <= ?")
                    .params(schedules.keySet().toArray(String[]::new), Timestamp.from(now))
                    .query(rs -> {
                        due.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                    });
            return null;
        });
        int fired = 0;
        for (var e : due.entrySet()) {
            RecurringJob r = schedules.get(e.getKey());
            if (gateway.inPlatform(sql -> fire(sql, r, e.getValue(), now))) {
                fired++;
            }
        }
        return fired;
    }

    private boolean fire(JdbcClient sql, RecurringJob r, Instant scheduled, Instant now) {
        Instant following = next(r, now.isAfter(scheduled) ? now : scheduled);
        int won = sql.sql("update job_schedules set next_fire_at = ?, last_fire_at = ?, updated_at = ?"
                        + " where name = ? and next_fire_at = ?")
                .params(Timestamp.from(following), Timestamp.from(scheduled), Timestamp.from(now), r.name(),
                        Timestamp.from(scheduled))
                .update();
        if (won == 1) {
            JobId id = jobs.enqueue(r.payload(), r.options());
            sql.sql("update job_schedules set last_job_id = ? where name = ?").params(id.value(), r.name()).update();
        }
        return won == 1;
    }

    private static Instant next(RecurringJob r, Instant after) {
        ZonedDateTime next = r.expression().next(after.atZone(r.zone()));
        if (next == null) {
            throw new IllegalStateException("recurring job " + r.name() + ": cron " + r.cron() + " never fires");
        }
        return next.toInstant();
    }

    @Override
    public synchronized void start() {
        running = true;
        if (!settings.enabled() || schedules.isEmpty()) {
            return;
        }
        register();
        ticker = Thread.ofVirtual().name("jobs-recurring").start(this::tick);
    }

    private void tick() {
        while (running) {
            try {
                fireDue();
            } catch (RuntimeException e) {
                log.warn("recurring jobs: {}", e.toString());
            }
            try {
                Thread.sleep(MAX_TICK.toMillis() - clock.millis() % MAX_TICK.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (ticker != null) {
            ticker.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
