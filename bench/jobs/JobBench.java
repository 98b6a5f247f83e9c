/*
 * Job queue benchmark: WifiCore's queue (com.traidnet.wificore.jobs) side by side with
 * db-scheduler (com.github.kagkarlsson:db-scheduler), both on the same embedded PostgreSQL in
 * the same JVM and run. Started by bench/jobs/run.sh, which puts the extracted platform jar,
 * its libraries and the db-scheduler jar on the class path; db-scheduler is never part of the
 * platform jar.
 *
 * Both systems first run a JIT warm-up (10 × --warmup jobs); then, for each worker count
 * (default 1, 4, 16) and each system (which goes first alternates):
 *   warm-up      --warmup jobs, not measured (JIT, prepared statements, pools)
 *   throughput   --producers threads enqueue --jobs jobs, one call per job, while the
 *                workers run them; measured from the first enqueue until the last job has run
 *                and its row is gone: jobs/s
 *   latency      one producer enqueues --latency-jobs jobs at --rate per second into idle
 *                workers; pick-up latency = from the enqueue call until the handler starts
 *                (so it includes the enqueue's own commit), p50/p90/p99/max
 *   drain        --drain-jobs jobs are enqueued due tomorrow, then made due at once by one
 *                UPDATE; measured from the first job starting until the last one has run and
 *                its row is gone: the workers' capacity on a backlog, without producers
 *                competing for the CPU
 * Handlers do no work: this measures the queue, not the jobs.
 *
 * WifiCore's jobs table gets --partitions daily partitions (default 97: 90 days back and 7
 * ahead, as partition maintenance keeps them) besides jobs_default, so the claim has to look
 * at as many partitions as in production.
 *
 *   --data DIR --port N    where the embedded PostgreSQL lives (fresh directory)
 *   --workers 1,4,16 --jobs 20000 --producers 8 --latency-jobs 1000 --rate 200 --warmup 2000
 *   --drain-jobs 20000 (0 = skip)
 *   --partitions 97 --systems wificore,db-scheduler --pool 20 --db-scheduler-poll PT1S
 */

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.traidnet.wificore.WifiCore;
import com.traidnet.wificore.jobs.JobContext;
import com.traidnet.wificore.jobs.JobHandler;
import com.traidnet.wificore.jobs.JobOptions;
import com.traidnet.wificore.jobs.Jobs;
import com.traidnet.wificore.platform.db.EmbeddedPostgres;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

public class JobBench {

    /**
     * The job both queues run: a sequence number and when its enqueue was called. WifiCore
     * stores it as JSON, db-scheduler (its default serializer) as a serialised Java object.
     */
    public record BenchJob(int seq, long calledNanos) implements java.io.Serializable {
    }

    /** Where handlers report: pick-up latency per job, and a latch for "all ran". */
    static final class Recorder {
        volatile long[] pickupNanos = new long[0];
        volatile CountDownLatch done = new CountDownLatch(0);
        final AtomicInteger ran = new AtomicInteger();
        final java.util.concurrent.atomic.AtomicLong firstStart = new java.util.concurrent.atomic.AtomicLong();
        volatile long lastDone;

        void expect(int jobs) {
            pickupNanos = new long[jobs];
            ran.set(0);
            firstStart.set(0);
            done = new CountDownLatch(jobs);
        }

        void ran(BenchJob job) {
            long now = System.nanoTime();
            firstStart.compareAndSet(0, now);
            long[] p = pickupNanos;
            if (job.seq() < p.length) {
                p[job.seq()] = now - job.calledNanos();
            }
            ran.incrementAndGet();
            lastDone = System.nanoTime();
            done.countDown();
        }
    }

    interface Enqueuer {
        /** Enqueues {@code job} due at {@code runAt}, or now if null. */
        void enqueue(BenchJob job, Instant runAt) throws Exception;
    }

    /** One queue under test at one worker count. */
    interface Contender extends AutoCloseable {
        String name();

        Enqueuer enqueuer();

        /** Rows of this system's queue still in the database. */
        long remaining() throws SQLException;

        /** Makes every queued job due now. */
        void releaseAll() throws SQLException;

        @Override
        void close() throws Exception;
    }

    record Result(String system, int workers, int jobs, double seconds, double enqueueSeconds, double[] latencyMs,
                  int drainJobs, double drainSeconds) {
    }

    static final Recorder RECORDER = new Recorder();

    public static void main(String[] argv) throws Exception {
        Map<String, String> o = options(argv);
        Path data = Path.of(o.getOrDefault("data", Files.createTempDirectory("jobbench").toString()));
        int port = Integer.parseInt(o.getOrDefault("port", "15473"));
        int[] workerCounts = Arrays.stream(o.getOrDefault("workers", "1,4,16").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        int jobs = Integer.parseInt(o.getOrDefault("jobs", "20000"));
        int producers = Integer.parseInt(o.getOrDefault("producers", "8"));
        int latencyJobs = Integer.parseInt(o.getOrDefault("latency-jobs", "1000"));
        double rate = Double.parseDouble(o.getOrDefault("rate", "200"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "2000"));
        int drainJobs = Integer.parseInt(o.getOrDefault("drain-jobs", "20000"));
        int partitions = Integer.parseInt(o.getOrDefault("partitions", "97"));
        int pool = Integer.parseInt(o.getOrDefault("pool", "20"));
        Duration dbSchedulerPoll = Duration.parse(o.getOrDefault("db-scheduler-poll", "PT1S"));
        List<String> systems = List.of(o.getOrDefault("systems", "wificore,db-scheduler").split(","));

        say("starting PostgreSQL in " + data + " on port " + port);
        try (EmbeddedPostgres db = EmbeddedPostgres.start(data, port);
             ConfigurableApplicationContext app = startPlatform(db, data, workerCounts, pool);
             HikariDataSource schedulerDb = dataSource(db, pool)) {
            prepareDatabase(schedulerDb, partitions);
            Jobs wificoreJobs = app.getBean(Jobs.class);
            // both JVM code paths warm before anything is measured; then each worker count
            // alternates which system goes first
            for (String name : systems) {
                try (Contender system = contender(name, wificoreJobs, schedulerDb, workerCounts[0], dbSchedulerPoll)) {
                    say(name + ": JIT warm-up, " + 10 * warmup + " jobs");
                    flood(system, 10 * warmup, producers, null);
                }
            }
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < workerCounts.length; i++) {
                int workers = workerCounts[i];
                List<String> order = new ArrayList<>(systems);
                if (i % 2 == 1) {
                    java.util.Collections.reverse(order);
                }
                List<Result> round = new ArrayList<>();
                for (String name : order) {
                    try (Contender system = contender(name, wificoreJobs, schedulerDb, workers, dbSchedulerPoll)) {
                        round.add(measure(system, workers, warmup, jobs, producers, latencyJobs, rate, drainJobs));
                    }
                }
                round.sort(java.util.Comparator.comparingInt(r -> systems.indexOf(r.system())));
                results.addAll(round);
            }
            report(results, jobs, producers, latencyJobs, rate, partitions, dbSchedulerPoll);
        }
    }

    // --- the two systems -------------------------------------------------------------------

    static Contender contender(String name, Jobs wificoreJobs, DataSource db, int workers, Duration poll) {
        return switch (name) {
            case "wificore" -> wificore(wificoreJobs, db, workers);
            case "db-scheduler" -> dbScheduler(db, workers, poll);
            default -> throw new IllegalArgumentException("unknown system " + name);
        };
    }

    static ConfigurableApplicationContext startPlatform(EmbeddedPostgres db, Path data, int[] workerCounts, int pool) {
        Map<String, Object> props = new HashMap<>();
        props.put("wificore.db.url", db.jdbcUrl());
        props.put("wificore.db.user", db.username());
        props.put("wificore.db.password", db.password());
        props.put("wificore.db.pool-size", pool);
        props.put("wificore.data.dir", data.toString());
        props.put("wificore.admin.password", "bench-admin-password");
        props.put("wificore.radius.enabled", false);
        props.put("server.port", 0);
        props.put("logging.level.root", "warn");
        props.put("logging.level.com.traidnet.wificore.jobs", "info");
        for (int w : workerCounts) {
            props.put("wificore.jobs.queues.bench" + w + ".concurrency", w);
        }
        JobHandler<BenchJob> handler = new JobHandler<>() {
            @Override
            public Class<BenchJob> type() {
                return BenchJob.class;
            }

            @Override
            public void handle(BenchJob job, JobContext context) {
                RECORDER.ran(job);
            }
        };
        return new SpringApplicationBuilder(WifiCore.class)
                .properties(props)
                .initializers(ctx -> ((GenericApplicationContext) ctx).registerBean("benchJobHandler",
                        JobHandler.class, () -> handler))
                .run();
    }

    static Contender wificore(Jobs jobs, DataSource db, int workers) {
        String queue = "bench" + workers;
        JobOptions options = JobOptions.defaults().queue(queue);
        return new Contender() {
            public String name() {
                return "wificore";
            }

            public Enqueuer enqueuer() {
                return (job, runAt) -> jobs.enqueue(job, runAt == null ? options : options.runAt(runAt));
            }

            public long remaining() throws SQLException {
                return inPlatformScope(db, "select count(*) from jobs where queue = '" + queue + "'");
            }

            public void releaseAll() throws SQLException {
                inPlatformScope(db, "with u as (update jobs set run_at = now() where queue = '" + queue
                        + "' returning 1) select count(*) from u");
            }

            public void close() {
            }
        };
    }

    static Contender dbScheduler(DataSource db, int workers, Duration poll) {
        OneTimeTask<BenchJob> task = Tasks.oneTime("bench", BenchJob.class)
                .execute((instance, context) -> RECORDER.ran(instance.getData()));
        Scheduler scheduler = Scheduler.create(db, task)
                .tableName("dbsched.scheduled_tasks")
                .threads(workers)
                .pollingInterval(poll)
                .pollUsingLockAndFetch(0.5, 3.0) // SKIP LOCKED: the strategy its docs recommend for throughput
                .enableImmediateExecution()
                .build();
        scheduler.start();
        AtomicInteger ids = new AtomicInteger();
        return new Contender() {
            public String name() {
                return "db-scheduler";
            }

            public Enqueuer enqueuer() {
                return (job, runAt) -> scheduler.schedule(task.instance("j" + ids.incrementAndGet(), job),
                        runAt == null ? Instant.now() : runAt);
            }

            public long remaining() throws SQLException {
                return count(db, "select count(*) from dbsched.scheduled_tasks");
            }

            public void releaseAll() throws SQLException {
                count(db, "with u as (update dbsched.scheduled_tasks set execution_time = now() returning 1)"
                        + " select count(*) from u");
            }

            public void close() {
                scheduler.stop();
            }
        };
    }

    static HikariDataSource dataSource(EmbeddedPostgres db, int pool) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(db.jdbcUrl());
        ds.setUsername(db.username());
        ds.setPassword(db.password());
        ds.setMaximumPoolSize(pool);
        return ds;
    }

    /** db-scheduler's table (its PostgreSQL DDL) in a schema of its own, and WifiCore's daily partitions. */
    static void prepareDatabase(DataSource db, int partitions) throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute("create schema if not exists dbsched");
            st.execute("""
                    create table if not exists dbsched.scheduled_tasks (
                      task_name text not null, task_instance text not null, task_data bytea,
                      execution_time timestamp with time zone not null, picked boolean not null, picked_by text,
                      last_success timestamp with time zone, last_failure timestamp with time zone,
                      consecutive_failures int, last_heartbeat timestamp with time zone, version bigint not null,
                      priority smallint,
                      primary key (task_name, task_instance))""");
            st.execute("create index if not exists execution_time_idx on dbsched.scheduled_tasks (execution_time)");
            st.execute("create index if not exists last_heartbeat_idx on dbsched.scheduled_tasks (last_heartbeat)");
            st.execute("create index if not exists priority_execution_time_idx"
                    + " on dbsched.scheduled_tasks (priority desc, execution_time asc)");
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            for (int i = 0; i < partitions; i++) {
                LocalDate day = today.minusDays(partitions - 8 - i); // ... 90 back, today, 7 ahead (for 97)
                st.execute(String.format(Locale.ROOT, "create table if not exists jobs_p%s partition of jobs"
                                + " for values from ('%s') to ('%s')", day.toString().replace("-", ""),
                        day.atStartOfDay(ZoneOffset.UTC), day.plusDays(1).atStartOfDay(ZoneOffset.UTC)));
            }
            long n = count(db, "select count(*) from pg_inherits where inhparent = 'jobs'::regclass");
            say("jobs has " + n + " partitions (" + partitions + " daily + default); db-scheduler table ready");
        }
    }

    // --- measuring ---------------------------------------------------------------------------

    static Result measure(Contender system, int workers, int warmup, int jobs, int producers, int latencyJobs,
                          double rate, int drainJobs) throws Exception {
        say(system.name() + ", " + workers + " worker(s): warm-up " + warmup);
        flood(system, warmup, producers, null);
        say(system.name() + ", " + workers + " worker(s): " + jobs + " jobs from " + producers + " producers");
        long t0 = System.nanoTime();
        double enqueueSeconds = flood(system, jobs, producers, null);
        double seconds = (System.nanoTime() - t0) / 1e9;
        say(String.format(Locale.ROOT, "  %.0f jobs/s (enqueue alone %.0f jobs/s)", jobs / seconds,
                jobs / enqueueSeconds));

        say(system.name() + ", " + workers + " worker(s): " + latencyJobs + " jobs at " + rate + "/s for latency");
        RECORDER.expect(latencyJobs);
        Enqueuer enqueuer = system.enqueuer();
        long start = System.nanoTime();
        for (int i = 0; i < latencyJobs; i++) {
            long at = start + (long) (i * 1e9 / rate);
            long wait = at - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            enqueuer.enqueue(new BenchJob(i, System.nanoTime()), null);
        }
        awaitAll(system);
        double[] ms = Arrays.stream(RECORDER.pickupNanos).mapToDouble(n -> n / 1e6).sorted().toArray();
        say(String.format(Locale.ROOT, "  pick-up p50 %.1f ms, p99 %.1f ms", pct(ms, 50), pct(ms, 99)));

        double drainSeconds = Double.NaN;
        if (drainJobs > 0) {
            say(system.name() + ", " + workers + " worker(s): " + drainJobs + " jobs due tomorrow, then all due at once");
            RECORDER.expect(drainJobs);
            Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
            enqueueAll(system, drainJobs, producers, tomorrow);
            system.releaseAll();
            awaitAll(system);
            drainSeconds = (RECORDER.lastDone - RECORDER.firstStart.get()) / 1e9;
            say(String.format(Locale.ROOT, "  drained at %.0f jobs/s", drainJobs / drainSeconds));
        }
        return new Result(system.name(), workers, jobs, seconds, enqueueSeconds, ms, drainJobs, drainSeconds);
    }

    /** Enqueues {@code jobs} from {@code producers} threads and waits until all ran; returns the enqueue time. */
    static double flood(Contender system, int jobs, int producers, Instant runAt) throws Exception {
        RECORDER.expect(jobs);
        double enqueueSeconds = enqueueAll(system, jobs, producers, runAt);
        awaitAll(system);
        return enqueueSeconds;
    }

    /** Enqueues {@code jobs} from {@code producers} threads; returns how long that took. */
    static double enqueueAll(Contender system, int jobs, int producers, Instant runAt) throws Exception {
        Enqueuer enqueuer = system.enqueuer();
        AtomicInteger next = new AtomicInteger();
        var failure = new java.util.concurrent.atomic.AtomicReference<Exception>();
        long t0 = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            threads.add(Thread.ofPlatform().name("producer-" + p).start(() -> {
                for (int i = next.getAndIncrement(); i < jobs; i = next.getAndIncrement()) {
                    try {
                        enqueuer.enqueue(new BenchJob(i, System.nanoTime()), runAt);
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                        return;
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException(system.name() + ": enqueue failed", failure.get());
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Until every job ran and the system has deleted every row. */
    static void awaitAll(Contender system) throws Exception {
        if (!RECORDER.done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException(system.name() + ": only " + RECORDER.ran.get() + " jobs ran in 10 min");
        }
        while (system.remaining() > 0) {
            Thread.sleep(2);
        }
    }

    /** A count over WifiCore's tables, which row-level security hides outside the platform scope. */
    static long inPlatformScope(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("select set_config('app.scope', 'platform', true)");
                try (ResultSet rs = st.executeQuery(sql)) {
                    rs.next();
                    return rs.getLong(1);
                }
            } finally {
                c.commit();
                c.setAutoCommit(true);
            }
        }
    }

    static long count(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static void report(List<Result> results, int jobs, int producers, int latencyJobs, double rate, int partitions,
                       Duration poll) {
        System.out.println();
        System.out.println("================ job queue benchmark ================");
        System.out.printf(Locale.ROOT, "throughput: %d jobs, %d producers (one enqueue call per job)"
                + " while the workers run; latency: %d jobs at %.0f/s into idle workers%n", jobs, producers,
                latencyJobs, rate);
        System.out.printf(Locale.ROOT, "wificore jobs table: %d daily partitions + default;"
                + " db-scheduler: lock-and-fetch, immediate execution, polling %s%n", partitions, poll);
        System.out.printf(Locale.ROOT, "%-13s %7s %12s %12s %9s %9s %9s %9s %11s%n", "system", "workers",
                "jobs/s", "enqueue/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "drain/s");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "%-13s %7d %12.0f %12.0f %9.1f %9.1f %9.1f %9.1f %11.0f%n", r.system(),
                    r.workers(), r.jobs() / r.seconds(), r.jobs() / r.enqueueSeconds(), pct(r.latencyMs(), 50),
                    pct(r.latencyMs(), 90), pct(r.latencyMs(), 99), pct(r.latencyMs(), 100),
                    r.drainJobs() / r.drainSeconds());
        }
        System.out.println();
        for (int i = 0; i + 1 < results.size(); i += 2) {
            Result a = results.get(i);
            Result b = results.get(i + 1);
            if (a.workers() == b.workers()) {
                System.out.printf(Locale.ROOT, "%d worker(s): %s/%s enqueue+complete = %.2f×, drain = %.2f×%n",
                        a.workers(), a.system(), b.system(), (a.jobs() / a.seconds()) / (b.jobs() / b.seconds()),
                        (a.drainJobs() / a.drainSeconds()) / (b.drainJobs() / b.drainSeconds()));
            }
        }
    }

    static Map<String, String> options(String[] argv) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < argv.length; i++) {
            if (!argv[i].startsWith("--") || i + 1 >= argv.length) {
                throw new IllegalArgumentException("usage: --name value ... (see the comment at the top), not " + argv[i]);
            }
            o.put(argv[i].substring(2), argv[++i]);
        }
        return o;
    }

    static void say(String line) {
        System.out.println("[" + Instant.now().toString().substring(11, 23) + "] " + line);
        System.out.flush();
    }
}
