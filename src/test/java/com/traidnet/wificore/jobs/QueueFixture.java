package com.traidnet.wificore.jobs;

import com.traidnet.wificore.tenant.TenantGateway;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A queue of a test's own: its handlers, its clock, its worker pools ("nodes"), all on the
 * application's database, gateway and SQL. The queue name is unique, so the application's
 * own workers never touch these jobs.
 */
final class QueueFixture implements AutoCloseable {

    final String queue = "t_" + UUID.randomUUID().toString().substring(0, 12).replace('-', '_');
    final Clock clock;
    final JobHandlers handlers;
    final Jobs jobs;
    final JobsSettings settings;
    private final TenantGateway gateway;
    private final PostgresJobQueue store;
    private final JobMetrics metrics;
    private final List<WorkerPool> pools = new ArrayList<>();

    QueueFixture(Beans beans, Clock clock, JobsSettings settings, JobHandler<?>... handlers) {
        this.clock = clock;
        this.settings = settings;
        this.handlers = new JobHandlers(List.of(handlers));
        this.gateway = beans.gateway;
        this.store = beans.store;
        this.metrics = beans.metrics;
        this.jobs = new Jobs(this.handlers, beans.enqueues, gateway, beans.sql, metrics, beans.wakeups, beans.groupCommit, settings,
                clock);
    }

    /** The application beans a fixture is built from. */
    record Beans(TenantGateway gateway, PostgresJobQueue store, JobMetrics metrics, JdbcClient sql,
                 Wakeups wakeups, EnqueueGroupCommit groupCommit, PostgresEnqueues enqueues) {
    }

    static JobsSettings settings(Duration lease, Duration poll, Duration shutdown) {
        return new JobsSettings(true, 4, Map.of(), poll, lease, shutdown, 10, Duration.ofSeconds(10),
                Duration.ofHours(1), Duration.ofDays(30), Duration.ofDays(1), Duration.ofDays(30));
    }

    /** The body of a test handler. */
    interface Body<T> {
        void run(T payload, JobContext context) throws Exception;
    }

    static <T extends Record> JobHandler<T> handler(Class<T> type, Body<T> body) {
        return new JobHandler<>() {
            @Override
            public Class<T> type() {
                return type;
            }

            @Override
            public void handle(T payload, JobContext context) throws Exception {
                body.run(payload, context);
            }
        };
    }

    JobOptions options() {
        return JobOptions.defaults().queue(queue);
    }

    /** A started pool ("node") serving the fixture's queue; the backoff jitter is fixed at its middle. */
    WorkerPool node(int concurrency) {
        return node(concurrency, handlers);
    }

    /** A node with handlers of its own (same names), e.g. to tell which node ran a job. */
    WorkerPool node(int concurrency, JobHandlers nodeHandlers) {
        var poolSettings = new PoolSettings(queue, concurrency, PoolSettings.workerId(queue), settings.visibilityTimeout(),
                settings.pollInterval(), settings.shutdownTimeout());
        var pool = new WorkerPool(poolSettings, new PoolTransactions(poolSettings, gateway, store, metrics,
                new Backoff(settings.maxBackoff(), () -> 0.5), clock), nodeHandlers);
        pools.add(pool);
        pool.start();
        return pool;
    }

    int count(String table) {
        return gateway.inPlatform(sql -> sql.sql("select count(*) from " + table + " where queue = ?").param(queue)
                .query(Integer.class).single());
    }

    <T> T inPlatform(com.traidnet.wificore.tenant.TenantWork<T> work) {
        return gateway.inPlatform(work);
    }

    @Override
    public void close() {
        pools.forEach(WorkerPool::shutdown);
        gateway.inPlatform(sql -> {
            sql.sql("delete from jobs where queue = ?").param(queue).update();
            return sql.sql("delete from failed_jobs where queue = ?").param(queue).update();
        });
    }
}
