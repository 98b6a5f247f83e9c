package com.traidnet.wificore.jobs;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A recurring job fires once per schedule, however many nodes tick. */
class RecurringJobsIT extends JobsIntegrationTest {

    record Tick() {
    }

    String name;

    @AfterEach
    void dropSchedule() {
        gateway.inPlatform(sql -> sql.sql("delete from job_schedules where name = ?").param(name).update());
    }

    @Test
    void twoNodesTickingTogetherEnqueueOneJobPerFire() throws Exception {
        var q = fixture(QueueFixture.handler(Tick.class, (t, ctx) -> { }));
        name = "test." + q.queue;
        var every5Minutes = new RecurringJob(name, "0 */5 * * * *", ZoneOffset.UTC, new Tick(), q.options());
        // two nodes: same schedule, same database, same (test) time
        var nodeA = new RecurringJobs(List.of(every5Minutes), gateway, q.jobs, q.settings, clock);
        var nodeB = new RecurringJobs(List.of(every5Minutes), gateway, q.jobs, q.settings, clock);
        nodeA.register();
        nodeB.register();
        Instant firstFire = clock.instant().truncatedTo(ChronoUnit.HOURS)
                .plus(Duration.ofMinutes(5 * (clock.instant().atZone(ZoneOffset.UTC).getMinute() / 5 + 1)));
        assertThat(nextFire()).isEqualTo(firstFire);
        assertThat(tickBoth(nodeA, nodeB)).as("nothing due yet").isZero();

        for (int fire = 1; fire <= 4; fire++) {
            clock.advance(Duration.ofMinutes(5));
            assertThat(tickBoth(nodeA, nodeB)).as("fire " + fire).isEqualTo(1);
            assertThat(tickBoth(nodeA, nodeB)).as("fire " + fire + " again").isZero();
        }
        assertThat(q.count("jobs")).isEqualTo(4);
        assertThat(nextFire()).isEqualTo(firstFire.plus(Duration.ofMinutes(20)));

        // both nodes down for an hour: the missed fires are made up once, then it goes on from now
        clock.advance(Duration.ofMinutes(62));
        assertThat(tickBoth(nodeA, nodeB)).isEqualTo(1);
        assertThat(q.count("jobs")).isEqualTo(5);
        assertThat(nextFire()).isAfter(clock.instant()).isBeforeOrEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
        UUID lastJob = gateway.inPlatform(sql -> sql.sql("select last_job_id from job_schedules where name = ?")
                .param(name).query(UUID.class).single());
        int lastJobs = gateway.inPlatform(sql -> sql.sql("select count(*) from jobs where id = ? and queue = ?")
                .params(lastJob, q.queue).query(Integer.class).single());
        assertThat(lastJobs).isEqualTo(1);
    }

    @Test
    void aChangedCronStartsOverFromNow() {
        var q = fixture(QueueFixture.handler(Tick.class, (t, ctx) -> { }));
        name = "test." + q.queue;
        new RecurringJobs(List.of(new RecurringJob(name, "0 0 3 * * *", ZoneOffset.UTC, new Tick(), q.options())),
                gateway, q.jobs, q.settings, clock).register();
        Instant daily = nextFire();
        new RecurringJobs(List.of(new RecurringJob(name, "0 * * * * *", ZoneOffset.UTC, new Tick(), q.options())),
                gateway, q.jobs, q.settings, clock).register();
        assertThat(nextFire()).isNotEqualTo(daily).isBeforeOrEqualTo(clock.instant().plusSeconds(60));
    }

    /** Both nodes call fireDue at the same moment; returns how many jobs they enqueued together. */
    private int tickBoth(RecurringJobs a, RecurringJobs b) throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        AtomicInteger fired = new AtomicInteger();
        Thread ta = Thread.ofVirtual().start(() -> fired.addAndGet(tick(a, together)));
        Thread tb = Thread.ofVirtual().start(() -> fired.addAndGet(tick(b, together)));
        ta.join();
        tb.join();
        return fired.get();
    }

    private static int tick(RecurringJobs node, CyclicBarrier together) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return node.fireDue();
    }

    private Instant nextFire() {
        return gateway.inPlatform(sql -> sql.sql("select next_fire_at from job_schedules where name = ?").param(name)
                .query(java.sql.Timestamp.class).single()).toInstant();
    }
}
