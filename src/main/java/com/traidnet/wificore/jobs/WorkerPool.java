package com.traidnet.wificore.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The workers of one queue on one node: {@code concurrency} virtual threads that run jobs
 * from a local buffer, and a dispatcher thread that keeps the buffer filled. The workers
 * report outcomes back, and the dispatcher records everything that finished meanwhile, and
 * claims the next jobs, in one transaction. The busier the queue, the bigger those batches.
 * <p>
 * While the queue's jobs are quick (under {@value #QUICK_MILLIS} ms on average) the dispatcher
 * claims ahead: about {@value #AHEAD_MILLIS} ms of work for all workers, at least
 * {@code concurrency} and at most {@value #MAX_AHEAD} jobs. A worker that finishes then takes
 * its next job at once instead of waiting for the dispatcher's round trip, and one
 * transaction records and claims many jobs. Slow jobs are claimed only as workers are free,
 * so a node never sits on jobs another node could start.
 * <p>
 * The dispatcher wakes on a finished job, on a NOTIFY for its queue, when a job it knows of
 * falls due, and every poll interval. It renews the leases of all the jobs it holds every
 * third of the visibility timeout, so only a dead node's jobs ever come back.
 */
final class WorkerPool {

    private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);
    private static final Object WAKE = new Object();
    static final int QUICK_MILLIS = 20;
    static final int AHEAD_MILLIS = 100;
    static final int MAX_AHEAD = 256;

    private final PoolSettings settings;
    private final PoolTransactions transactions;
    private final JobHandlers handlers;
    /** Outcomes from the workers, and WAKE. */
    private final LinkedBlockingQueue<Object> signals = new LinkedBlockingQueue<>();
    /** Claimed jobs no worker has taken yet. */
    private final LinkedBlockingQueue<ClaimedJob> buffer = new LinkedBlockingQueue<>();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    /** Epoch millis at which a job known to this pool falls due; MAX_VALUE = none known. */
    private final AtomicLong dueAt = new AtomicLong(Long.MAX_VALUE);
    private final List<Thread> workers = new ArrayList<>();
    // owned by the dispatcher thread: every job claimed and not yet recorded as finished
    private final Map<JobId, ClaimedJob> leased = new HashMap<>();
    private final List<Outcome> finished = new ArrayList<>();
    /** Moving average of the run time of this pool's jobs; NaN until the first one finished. */
    private double averageMillis = Double.NaN;
    private volatile boolean accepting = true;
    private volatile boolean abandoned;
    private Thread dispatcher;

    WorkerPool(PoolSettings settings, PoolTransactions transactions, JobHandlers handlers) {
        this.settings = settings;
        this.transactions = transactions;
        this.handlers = handlers;
    }

    String queue() {
        return settings.queue();
    }

    synchronized void start() {
        for (int i = 0; i < settings.concurrency(); i++) {
            workers.add(Thread.ofVirtual().name("job-" + settings.queue() + "-" + i).start(this::work));
        }
        dispatcher = Thread.ofPlatform().daemon().name("jobs-" + settings.queue()).start(this::dispatch);
    }

    /** Look for jobs now (a NOTIFY arrived, or notifications may have been missed). */
    void wake() {
        if (wakePending.compareAndSet(false, true)) {
            signals.offer(WAKE);
        }
    }

    /** A job of this queue falls due at {@code epochMillis}. */
    void wakeAt(long epochMillis) {
        if (dueAt.accumulateAndGet(epochMillis, Math::min) == epochMillis) {
            signals.offer(WAKE);
        }
    }

    /**
     * Stops claiming and gives back the buffered jobs, lets running jobs finish for up to the
     * shutdown timeout, then interrupts them and releases their leases so another node takes
     * them at once. Blocks until done.
     */
    void shutdown() {
        accepting = false;
        signals.offer(WAKE);
        join();
        workers.forEach(Thread::interrupt);
    }

    /** Tests: dies like a killed node — no more claims, heartbeats, outcomes or releases. */
    void abandon() {
        abandoned = true;
        accepting = false;
        signals.offer(WAKE);
        join();
        workers.forEach(Thread::interrupt);
    }

    private void join() {
        Thread t = dispatcher;
        if (t == null) {
            return;
        }
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void work() {
        while (!abandoned) {
            ClaimedJob job;
            try {
                job = buffer.take();
            } catch (InterruptedException e) {
                return;
            }
            transactions.starting(job);
            long started = System.nanoTime();
            try {
                handlers.run(job.type(), job.payload(), job.context());
                signals.offer(new Outcome.Succeeded(job, System.nanoTime() - started));
            } catch (Throwable e) {
                signals.offer(Outcome.Failed.of(job, e, System.nanoTime() - started));
            }
            if (Thread.interrupted() && !accepting) {
                return; // interrupted at shutdown while running that job
            }
        }
    }

    private void dispatch() {
        boolean wanted = true;
        long nextPoll = System.nanoTime();
        long nextHeartbeat = System.nanoTime() + settings.heartbeat().toNanos();
        while (accepting) {
            boolean busy = !finished.isEmpty() || (wanted && room() > 0);
            wanted |= take(busy ? 0 : waitMillis(nextPoll, nextHeartbeat));
            if (!accepting) {
                break;
            }
            long now = System.nanoTime();
            if (now - nextPoll >= 0 || dueAt.get() <= transactions.clock().millis()) {
                wanted = true;
            }
            int want = wanted ? room() : 0;
            if (want > 0 || !finished.isEmpty()) {
                try {
                    if (want > 0) {
                        dueAt.set(Long.MAX_VALUE);
                        nextPoll = now + settings.pollInterval().toNanos();
                    }
                    List<ClaimedJob> claimed = commit(want);
                    wanted = want > 0 && claimed.size() == want; // a full batch: there may be more
                    claimed.forEach(this::accept);
                } catch (RuntimeException e) {
                    log.warn("job queue {}: {}; retrying in 1 s", settings.queue(), e.toString());
                    pause();
                }
            }
            if (now - nextHeartbeat >= 0) {
                heartbeat();
                nextHeartbeat = now + settings.heartbeat().toNanos();
            }
        }
        if (!abandoned) {
            drain();
        }
    }

    /** How many more jobs to claim. */
    private int room() {
        int c = settings.concurrency();
        int ahead = 0;
        if (averageMillis < QUICK_MILLIS) { // false while NaN
            double work = c * AHEAD_MILLIS / Math.max(averageMillis, 0.01);
            ahead = (int) Math.max(c, Math.min(MAX_AHEAD, work));
        }
        return c + ahead - leased.size();
    }

    /** Waits up to {@code millis} for signals and takes all that came; true if asked to look for jobs. */
    private boolean take(long millis) {
        List<Object> taken = new ArrayList<>();
        try {
            Object first = millis <= 0 ? signals.poll() : signals.poll(millis, TimeUnit.MILLISECONDS);
            if (first == null) {
                return false;
            }
            taken.add(first);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            accepting = false;
            return false;
        }
        signals.drainTo(taken);
        boolean wake = false;
        for (Object signal : taken) {
            if (signal == WAKE) {
                wakePending.set(false);
                wake = true;
            } else if (signal instanceof Outcome outcome && leased.remove(outcome.job().id()) != null) {
                finished.add(outcome); // outcomes of released jobs are dropped
                double ran = outcome.nanos() / 1e6;
                averageMillis = Double.isNaN(averageMillis) ? ran : 0.9 * averageMillis + 0.1 * ran;
            }
        }
        return wake;
    }

    private long waitMillis(long nextPoll, long nextHeartbeat) {
        long now = System.nanoTime();
        long millis = TimeUnit.NANOSECONDS.toMillis(Math.min(nextPoll, nextHeartbeat) - now);
        long due = dueAt.get();
        if (due != Long.MAX_VALUE) {
            millis = Math.min(millis, due - transactions.clock().millis());
        }
        return Math.max(1, millis);
    }

    private List<ClaimedJob> commit(int want) {
        PoolTransactions.Committed done = transactions.commit(finished, want);
        finished.clear();
        if (done.nextRetry() != null) {
            dueAt.accumulateAndGet(done.nextRetry().toEpochMilli(), Math::min);
        }
        return done.claimed();
    }

    private void accept(ClaimedJob job) {
        if (job.abandoned()) {
            finished.add(Outcome.Failed.abandoned(job));
        } else {
            leased.put(job.id(), job);
            buffer.add(job);
        }
    }

    private void heartbeat() {
        if (leased.isEmpty()) {
            return;
        }
        try {
            transactions.extendLeases(leased.keySet());
        } catch (RuntimeException e) {
            log.warn("job queue {}: lease renewal failed: {}", settings.queue(), e.toString());
        }
    }

    private void drain() {
        List<ClaimedJob> unstarted = new ArrayList<>();
        buffer.drainTo(unstarted);
        unstarted.forEach(job -> leased.remove(job.id()));
        release(unstarted.stream().map(ClaimedJob::id).toList());
        long deadline = System.nanoTime() + settings.shutdownTimeout().toNanos();
        long nextHeartbeat = System.nanoTime() + settings.heartbeat().toNanos();
        while (!leased.isEmpty() && System.nanoTime() - deadline < 0) {
            take(Math.max(1, Math.min(100, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()))));
            if (!finished.isEmpty()) {
                commitQuietly();
            }
            if (System.nanoTime() - nextHeartbeat >= 0) {
                heartbeat();
                nextHeartbeat = System.nanoTime() + settings.heartbeat().toNanos();
            }
        }
        take(0);
        commitQuietly();
        if (!leased.isEmpty()) {
            workers.forEach(Thread::interrupt);
            release(List.copyOf(leased.keySet()));
            leased.clear();
        }
    }

    private void release(List<JobId> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            int released = transactions.release(ids);
            log.info("job queue {}: released {} unfinished job(s) at shutdown", settings.queue(), released);
        } catch (RuntimeException e) {
            log.warn("job queue {}: could not release {} job(s); they return after their lease: {}",
                    settings.queue(), ids.size(), e.toString());
        }
    }

    private void commitQuietly() {
        if (finished.isEmpty()) {
            return;
        }
        try {
            commit(0);
        } catch (RuntimeException e) {
            log.warn("job queue {}: {} outcome(s) not recorded at shutdown: {}", settings.queue(), finished.size(),
                    e.toString());
            finished.clear();
        }
    }

    private void pause() {
        try {
            Thread.sleep(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            accepting = false;
        }
    }
}
