package com.traidnet.wificore.jobs;

import com.traidnet.wificore.support.MutableClock;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The queue's guarantees against the real database, with worker pools as "nodes" and a clock
 * that only moves when the test says so. Waiting is for conditions, never for durations.
 */
class JobQueueIT extends JobsIntegrationTest {

    record Work(int n) {
    }

    @Test
    void noJobRunsTwiceWhenItSucceeds_twoNodesRacingOverOneQueue() {
        int jobs = 1000;
        Map<Integer, AtomicInteger> runs = new ConcurrentHashMap<>();
        AtomicInteger byA = new AtomicInteger();
        AtomicInteger byB = new AtomicInteger();
        var q = fixture(QueueFixture.handler(Work.class, (w, ctx) -> { }));
        for (int i = 0; i < jobs; i++) {
            q.jobs.enqueue(new Work(i), q.options());
        }
        q.node(8, new JobHandlers(List.of(QueueFixture.handler(Work.class, (w, ctx) -> {
            runs.computeIfAbsent(w.n(), k -> new AtomicInteger()).incrementAndGet();
            byA.incrementAndGet();
            Thread.sleep(1);
        }))));
        q.node(8, new JobHandlers(List.of(QueueFixture.handler(Work.class, (w, ctx) -> {
            runs.computeIfAbsent(w.n(), k -> new AtomicInteger()).incrementAndGet();
            byB.incrementAndGet();
            Thread.sleep(1);
        }))));

        await().atMost(60, TimeUnit.SECONDS).until(() -> q.count("jobs") == 0);
        assertThat(runs).hasSize(jobs);
        assertThat(runs.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(byA.get() + byB.get()).isEqualTo(jobs);
        assertThat(byA.get()).as("node A took part").isPositive();
        assertThat(byB.get()).as("node B took part").isPositive();
    }

    @Test
    void mostUrgentFirstThenLongestDue() {
        List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
        record Labelled(String label) {
        }
        var q = fixture(QueueFixture.handler(Labelled.class, (l, ctx) -> order.add(l.label())));
        Instant now = clock.instant();
        q.jobs.enqueue(new Labelled("p9"), q.options().priority(9).runAt(now.minusSeconds(30)));
        q.jobs.enqueue(new Labelled("p5-later"), q.options().priority(5).runAt(now.minusSeconds(5)));
        q.jobs.enqueue(new Labelled("p0"), q.options().priority(0));
        q.jobs.enqueue(new Labelled("p5-earlier"), q.options().priority(5).runAt(now.minusSeconds(10)));
        q.jobs.enqueue(new Labelled("future"), q.options().priority(0).runAt(now.plusSeconds(60)));
        q.node(1);
        await().atMost(30, TimeUnit.SECONDS).until(() -> order.size() == 4);
        assertThat(order).containsExactly("p0", "p5-earlier", "p5-later", "p9");
        assertThat(q.count("jobs")).as("the future job waits").isEqualTo(1);
    }

    @Test
    void aJobEnqueuedDaysAgoIsStillFound() {
        MutableClock fiveDaysAgo = new MutableClock(clock.instant().minus(Duration.ofDays(5)));
        CountDownLatch ran = new CountDownLatch(1);
        var q = fixture(fiveDaysAgo, defaults(), QueueFixture.handler(Work.class, (w, ctx) -> ran.countDown()));
        JobId old = q.jobs.enqueue(new Work(5), q.options());
        assertThat(old.enqueuedAt()).isBefore(clock.instant().minus(Duration.ofDays(4)));
        fiveDaysAgo.advance(Duration.ofDays(5)); // the node runs today; the job's partition is five days old
        q.node(1);
        await().atMost(30, TimeUnit.SECONDS).until(() -> ran.getCount() == 0 && q.count("jobs") == 0);
    }

    @Test
    void aCrashedWorkersJobRunsAgainAfterTheVisibilityTimeout() {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        BlockingQueue<JobContext> reran = new LinkedBlockingQueue<>();
        var q = fixture(QueueFixture.handler(Work.class, (w, ctx) -> { }));
        JobId id = q.jobs.enqueue(new Work(1), q.options());
        WorkerPool crashing = q.node(1, new JobHandlers(List.of(QueueFixture.handler(Work.class, (w, ctx) -> {
            started.countDown();
            never.await();
        }))));
        try {
            await().atMost(30, TimeUnit.SECONDS).until(() -> started.getCount() == 0);
            crashing.abandon(); // the node dies with the job leased: no outcome, no release, no renewal

            var lease = q.inPlatform(s -> s.sql("select locked_by, attempts from jobs where id = ?")
                    .param(id.value()).query((rs, n) -> rs.getString(1) + "#" + rs.getInt(2)).single());
            assertThat(lease).endsWith("#1").doesNotStartWith("null");
            assertThat(claimNow(q)).as("still leased before the timeout").isEmpty();

            q.node(1, new JobHandlers(List.of(QueueFixture.handler(Work.class, (w, ctx) -> reran.add(ctx)))));
            clock.advance(q.settings.visibilityTimeout().plusSeconds(1));
            await().atMost(30, TimeUnit.SECONDS).until(() -> !reran.isEmpty());
            JobContext second = reran.poll();
            assertThat(second.id()).isEqualTo(id);
            assertThat(second.attempt()).isEqualTo(2);
            await().atMost(30, TimeUnit.SECONDS).until(() -> q.count("jobs") == 0);
            assertThat(reran).isEmpty();
        } finally {
            never.countDown();
        }
    }

    /** Whether any job of the queue could be claimed right now (the probe claims nothing: it rolls back). */
    private List<ClaimedJob> claimNow(QueueFixture q) {
        List<ClaimedJob> seen = new ArrayList<>();
        try {
            q.inPlatform(s -> {
                seen.addAll(store.completeAndClaim(s, "probe", List.of(), clock.instant(), q.queue,
                        clock.instant().plusSeconds(1), 10, EnqueueDays.since(Instant.EPOCH)).claimed());
                throw new IllegalStateException("roll back the probe");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        return seen;
    }

    @Test
    void failedAttemptsAreRetriedWithExponentialBackoffThenDeadLettered() {
        BlockingQueue<Integer> attempts = new LinkedBlockingQueue<>();
        var q = fixture(QueueFixture.handler(Work.class, (w, ctx) -> {
            attempts.add(ctx.attempt());
            throw new IllegalStateException("boom on attempt " + ctx.attempt());
        }));
        Instant t0 = clock.instant();
        JobId id = q.jobs.enqueue(new Work(7), q.options().maxAttempts(3).backoff(Duration.ofSeconds(10)));
        q.node(1);

        await().atMost(30, TimeUnit.SECONDS).until(() -> waitingForRetry(id, 1));
        assertThat(attempts).containsExactly(1);
        assertThat(runAt(id)).isEqualTo(t0.plusSeconds(10)); // base, jitter held at its middle
        assertThat(lastError(id)).contains("IllegalStateException: boom on attempt 1");
        assertThat(claimNow(q)).as("not due before its backoff").isEmpty();

        clock.advance(Duration.ofSeconds(10));
        await().atMost(30, TimeUnit.SECONDS).until(() -> waitingForRetry(id, 2));
        assertThat(runAt(id)).isEqualTo(t0.plusSeconds(10 + 20)); // doubled

        clock.advance(Duration.ofSeconds(20));
        await().atMost(30, TimeUnit.SECONDS).until(() -> q.count("failed_jobs") == 1);
        assertThat(attempts).containsExactly(1, 2, 3);
        assertThat(q.count("jobs")).isZero();
        var dead = q.inPlatform(s -> s.sql("select attempts, error, failed_at from failed_jobs where id = ?")
                .param(id.value()).query((rs, n) -> List.of(rs.getInt(1), rs.getString(2),
                        rs.getTimestamp(3).toInstant())).single());
        assertThat(dead.get(0)).isEqualTo(3);
        assertThat((String) dead.get(1)).startsWith("java.lang.IllegalStateException: boom on attempt 3")
                .contains("\tat ");
        assertThat(dead.get(2)).isEqualTo(clock.instant());
    }

    private boolean waitingForRetry(JobId id, int attempts) {
        return gateway.inPlatform(s -> s.sql("select count(*) from jobs where id = ? and locked_by is null and attempts = ?")
                .params(id.value(), attempts).query(Integer.class).single()) == 1;
    }

    private Instant runAt(JobId id) {
        return gateway.inPlatform(s -> s.sql("select run_at from jobs where id = ?").param(id.value())
                .query(Timestamp.class).single()).toInstant();
    }

    private String lastError(JobId id) {
        return gateway.inPlatform(s -> s.sql("select last_error from jobs where id = ?").param(id.value())
                .query(String.class).single());
    }

    @Test
    void gracefulShutdownFinishesWhatItCanAndReleasesTheRest() throws Exception {
        record Slow() {
        }
        record Quick() {
        }
        CountDownLatch bothRunning = new CountDownLatch(2);
        CountDownLatch finishQuick = new CountDownLatch(1);
        AtomicBoolean slowInterrupted = new AtomicBoolean();
        AtomicInteger slowRuns = new AtomicInteger();
        var q = fixture(QueueFixture.settings(Duration.ofMinutes(1), Duration.ofMillis(200), Duration.ofSeconds(2)),
                QueueFixture.handler(Slow.class, (p, ctx) -> {
                    if (slowRuns.incrementAndGet() > 1) {
                        return; // on the next node it is quick
                    }
                    bothRunning.countDown();
                    try {
                        Thread.sleep(Duration.ofHours(1));
                    } catch (InterruptedException e) {
                        slowInterrupted.set(true);
                        throw e;
                    }
                }),
                QueueFixture.handler(Quick.class, (p, ctx) -> {
                    bothRunning.countDown();
                    finishQuick.await();
                }));
        JobId slow = q.jobs.enqueue(new Slow(), q.options());
        JobId quick = q.jobs.enqueue(new Quick(), q.options());
        WorkerPool node = q.node(2);
        await().atMost(30, TimeUnit.SECONDS).until(() -> bothRunning.getCount() == 0);

        Thread stopping = Thread.ofVirtual().start(node::shutdown);
        finishQuick.countDown();
        stopping.join();

        assertThat(slowInterrupted).isTrue();
        assertThat(exists(quick)).as("the quick job finished during the drain").isFalse();
        var released = q.inPlatform(s -> s.sql("select locked_by, locked_until, attempts from jobs where id = ?")
                .param(slow.value()).query((rs, n) -> new Object[] {rs.getString(1), rs.getTimestamp(2), rs.getInt(3)})
                .single());
        assertThat(released[0]).isNull();
        assertThat(released[1]).isNull();
        assertThat(released[2]).as("a release is not a failed attempt").isEqualTo(0);

        // released, not merely abandoned: another node takes it without waiting for a lease to expire
        q.node(1);
        await().atMost(30, TimeUnit.SECONDS).until(() -> !exists(slow));
        assertThat(slowRuns.get()).isEqualTo(2);
    }

    private boolean exists(JobId id) {
        return gateway.inPlatform(s -> s.sql("select count(*) from jobs where id = ? and enqueued_at = ?")
                .params(id.value(), Timestamp.from(id.enqueuedAt())).query(Integer.class).single()) == 1;
    }

    @Test
    void aNotifyWakesAnIdleWorkerLongBeforeItsNextPoll() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        var q = fixture(QueueFixture.settings(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofSeconds(5)),
                QueueFixture.handler(Work.class, (w, ctx) -> ran.countDown()));
        WorkerPool node = q.node(1);
        CountDownLatch listening = new CountDownLatch(1);
        notifications.listen(PostgresJobQueue.CHANNEL, payload -> {
            if (payload.equals(q.queue)) {
                node.wake();
            }
        }, listening::countDown);
        assertThat(listening.await(30, TimeUnit.SECONDS)).isTrue();

        q.jobs.enqueue(new Work(1), q.options());
        assertThat(ran.await(30, TimeUnit.SECONDS)).as("woken by NOTIFY, not by the hourly poll").isTrue();
    }
}
