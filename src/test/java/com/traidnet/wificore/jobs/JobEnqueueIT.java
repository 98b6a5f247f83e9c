package com.traidnet.wificore.jobs;

import com.traidnet.wificore.tenant.TenantId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.sql.Connection;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Enqueueing: inside the caller's transaction, in tenant and platform scope, with idempotency keys. */
class JobEnqueueIT extends JobsIntegrationTest {

    record Welcome(String email) {
    }

    record Unhandled() {
    }

    @Autowired
    DataSource dataSource;

    QueueFixture queue() {
        return fixture(QueueFixture.handler(Welcome.class, (w, ctx) -> { }));
    }

    TenantId tenant(String prefix) {
        return new TenantId(UUID.fromString(registerTenant(prefix).id()));
    }

    @Test
    void aJobCommitsOrRollsBackWithTheBusinessChangeAroundIt() {
        var q = queue();
        TenantId acme = tenant("jobs_tx");
        assertThatThrownBy(() -> gateway.inTenant(acme, sql -> {
            q.jobs.enqueue(new Welcome("a@acme.test"), q.options());
            throw new IllegalStateException("the business change failed");
        })).hasMessageContaining("business change failed");
        assertThat(q.count("jobs")).isZero();

        JobId id = gateway.inTenant(acme, sql -> q.jobs.enqueue(new Welcome("a@acme.test"), q.options()));
        assertThat(q.count("jobs")).isEqualTo(1);
        assertThat(tenantOf(id)).as("a job enqueued in a tenant's scope belongs to it").isEqualTo(acme.value());
    }

    @Test
    void aTenantScopeCannotEnqueueForAnotherTenantButThePlatformScopeCan() {
        var q = queue();
        TenantId a = tenant("jobs_sa");
        TenantId b = tenant("jobs_sb");
        assertThatThrownBy(() -> gateway.inTenant(a, sql -> q.jobs.enqueue(new Welcome("x"), q.options().tenant(b))))
                .rootCause().hasMessageContaining("row-level security");
        JobId forB = gateway.inPlatform(sql -> q.jobs.enqueue(new Welcome("x"), q.options().tenant(b)));
        JobId platform = q.jobs.enqueue(new Welcome("y"), q.options());
        assertThat(tenantOf(forB)).isEqualTo(b.value());
        assertThat(tenantOf(platform)).isNull();

        // and a tenant's scope sees its own jobs only
        gateway.inTenant(a, sql -> q.jobs.enqueue(new Welcome("z"), q.options()));
        int seenByA = gateway.inTenant(a, sql -> sql.sql("select count(*) from jobs where queue = ?").param(q.queue)
                .query(Integer.class).single());
        assertThat(seenByA).isEqualTo(1);
        assertThat(q.count("jobs")).isEqualTo(3);
    }

    @Test
    void concurrentStandaloneEnqueuesShareCommitsAndEveryOneIsThereWhenItReturns() throws Exception {
        var q = queue();
        Set<JobId> ids = ConcurrentHashMap.newKeySet();
        Set<String> missing = ConcurrentHashMap.newKeySet();
        List<Thread> producers = IntStream.range(0, 16).mapToObj(p -> Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 50; i++) {
                JobId id = q.jobs.enqueue(new Welcome(p + "-" + i), q.options());
                ids.add(id);
                boolean there = gateway.inPlatform(sql -> sql.sql("select count(*) from jobs where id = ?")
                        .param(id.value()).query(Integer.class).single()) == 1;
                if (!there) {
                    missing.add(id.toString()); // enqueue returned before its commit
                }
            }
        })).toList();
        for (Thread t : producers) {
            t.join();
        }
        assertThat(missing).isEmpty();
        assertThat(ids).hasSize(800);
        assertThat(q.count("jobs")).isEqualTo(800);
    }

    @Test
    void aStandaloneEnqueueLeavesNoPlatformScopeOnItsConnection() throws Exception {
        var q = queue();
        try (Connection connection = dataSource.getConnection()) {
            var one = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            JobId id = JobId.next(clock.instant());
            enqueues.insertAlone(one, List.of(new NewJob(id, q.queue, "t", "{}", null, 5, clock.instant(), 1, 0, null)));
            assertThat(one.sql("select coalesce(current_setting('app.scope', true), '')").query(String.class).single())
                    .as("the scope lasted only for the insert's own transaction").isEmpty();
            assertThat(one.sql("select count(*) from jobs where queue = ?").param(q.queue).query(Integer.class).single())
                    .as("outside any scope, row-level security shows nothing").isZero();
        }
        assertThat(q.count("jobs")).isEqualTo(1);
    }

    @Test
    void payloadsWithoutAHandlerAndStartsTooFarAheadAreRefused() {
        var q = queue();
        assertThatThrownBy(() -> q.jobs.enqueue(new Unhandled(), q.options()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no JobHandler");
        assertThatThrownBy(() -> q.jobs.enqueue(new Welcome("x"), q.options().delay(Duration.ofDays(31))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-delay");
        assertThat(q.count("jobs")).isZero();
    }

    @Test
    void theSameIdempotencyKeyTwiceIsOneJob() {
        var q = queue();
        String key = "welcome:" + q.queue;
        JobId first = q.jobs.enqueue(new Welcome("a"), q.options().idempotencyKey(key));
        JobId again = q.jobs.enqueue(new Welcome("a"), q.options().idempotencyKey(key));
        assertThat(again).isEqualTo(first);
        assertThat(q.count("jobs")).isEqualTo(1);

        // keys are per tenant: the same key in two tenants' scopes is two jobs
        TenantId a = tenant("jobs_ka");
        TenantId b = tenant("jobs_kb");
        JobId ofA = gateway.inTenant(a, sql -> q.jobs.enqueue(new Welcome("a"), q.options().idempotencyKey(key)));
        JobId ofB = gateway.inTenant(b, sql -> q.jobs.enqueue(new Welcome("a"), q.options().idempotencyKey(key)));
        JobId ofAAgain = q.jobs.enqueue(new Welcome("a"), q.options().idempotencyKey(key).tenant(a));
        assertThat(Set.of(first, ofA, ofB)).hasSize(3);
        assertThat(ofAAgain).isEqualTo(ofA);
        assertThat(q.count("jobs")).isEqualTo(3);
    }

    @Test
    void concurrentEnqueuesWithOneKeyAllGetTheOneJob() throws Exception {
        var q = queue();
        String key = "payment:" + q.queue;
        Set<JobId> ids = ConcurrentHashMap.newKeySet();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = IntStream.range(0, 8).mapToObj(i -> Thread.ofVirtual().start(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            ids.add(q.jobs.enqueue(new Welcome("p"), q.options().idempotencyKey(key)));
        })).toList();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(ids).hasSize(1);
        assertThat(q.count("jobs")).isEqualTo(1);
    }

    @Test
    void aFinishedJobsKeyStillAnswersUntilItsRetentionIsOver() {
        var q = queue();
        String key = "receipt:" + q.queue;
        JobId first = q.jobs.enqueue(new Welcome("r"), q.options().idempotencyKey(key));
        WorkerPool node = q.node(1);
        await().atMost(30, TimeUnit.SECONDS).until(() -> q.count("jobs") == 0);
        node.shutdown();

        assertThat(q.jobs.enqueue(new Welcome("r"), q.options().idempotencyKey(key))).isEqualTo(first);
        assertThat(q.count("jobs")).as("done, and not run again").isZero();

        clock.advance(q.settings.idempotencyRetention().plusSeconds(1));
        JobId fresh = q.jobs.enqueue(new Welcome("r"), q.options().idempotencyKey(key));
        assertThat(fresh).isNotEqualTo(first);
        assertThat(q.count("jobs")).isEqualTo(1);
    }

    private UUID tenantOf(JobId id) {
        return gateway.inPlatform(sql -> sql.sql("select tenant_id from jobs where id = ?").param(id.value())
                .query((rs, n) -> rs.getObject(1, UUID.class)).list().getFirst());
    }
}
