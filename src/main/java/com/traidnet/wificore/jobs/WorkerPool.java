package com.traidnet.wificore.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The workers of one queue on one node. A dispatcher thread claims due jobs up to the
 * concurrency and runs each on its own virtual thread; the threads report their outcome back,
 * and the dispatcher records the outcomes of everything that finished meanwhile, and claims
 * the next jobs, in one transaction. The busier the queue, the bigger those batches.
 * <p>
 * The dispatcher wakes on a finished job, on a NOTIFY for its queue, when a job it knows of
 * falls due, and every poll interval. While jobs run it renews their leases every third of
 * the visibility timeout, so only a dead node's jobs ever come back.
 */
final class WorkerPool {

    private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);
    private static final Object WAKE = new Object();

    private record Running(ClaimedJob job, Future<?> future) {
    }

    private final PoolSettings settings;
    private final PoolTransactions transactions;
    private final JobHandlers handlers;
    private final LinkedBlockingQueue<Object> signals = new LinkedBlockingQueue<>();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    /** Epoch millis at which a job known to this pool falls due; MAX_VALUE = none known. */
    private final AtomicLong dueAt = new AtomicLong(Long.MAX_VALUE);
    private final ExecutorService executor;
    // owned by the dispatcher thread
    private final Map<JobId, Running> running = new HashMap<>();
    private final List<Outcome> finished = new ArrayList<>();
    private volatile boolean accepting = true;
    private volatile boolean abandoned;
    private Thread dispatcher;

    WorkerPool(PoolSettings settings, PoolTransactions transactions, JobHandlers handlers) {
        this.settings = settings;
        this.transactions = transactions;
        this.handlers = handlers;
        this.executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("job-" + settings.queue() + "-", 0).factory());
    }

    String queue() {
        return settings.queue();
    }

    synchronized void start() {
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
     * Stops claiming, lets running jobs finish for up to the shutdown timeout, then interrupts
     * them and releases their leases so another node takes them at once. Blocks until done.
     */
    void shutdown() {
        accepting = false;
        signals.offer(WAKE);
        join();
        executor.shutdownNow();
    }

    /** Tests: dies like a killed node — no more claims, heartbeats, outcomes or releases. */
    void abandon() {
        abandoned = true;
        accepting = false;
        signals.offer(WAKE);
        join();
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

    private void dispatch() {
        boolean wanted = true;
        long nextPoll = System.nanoTime();
        long nextHeartbeat = System.nanoTime() + settings.heartbeat().toNanos();
        while (accepting) {
            int free = settings.concurrency() - running.size();
            boolean busy = !finished.isEmpty() || (wanted && free > 0);
            wanted |= take(busy ? 0 : waitMillis(nextPoll, nextHeartbeat));
            if (!accepting) {
                break;
            }
            long now = System.nanoTime();
            if (now - nextPoll >= 0 || dueAt.get() <= transactions.clock().millis()) {
                wanted = true;
            }
            free = settings.concurrency() - running.size();
            int want = wanted && free > 0 ? free : 0;
            if (want > 0 || !finished.isEmpty()) {
                try {
                    if (want > 0) {
                        dueAt.set(Long.MAX_VALUE);
                        nextPoll = now + settings.pollInterval().toNanos();
                    }
                    List<ClaimedJob> claimed = commit(want);
                    wanted = want > 0 && claimed.size() == want; // a full batch: there may be more
                    claimed.forEach(this::launch);
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
            } else if (signal instanceof Outcome outcome && running.remove(outcome.job().id()) != null) {
                finished.add(outcome); // outcomes of released jobs are dropped
            }
        }
        return wake;
    }

    private long waitMillis(long nextPoll, long nextHeartbeat) {
        long now = System.nanoTime();
        long until = Math.min(nextPoll, nextHeartbeat);
        long millis = TimeUnit.NANOSECONDS.toMillis(until - now);
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

    private void launch(ClaimedJob job) {
        if (job.abandoned()) {
            finished.add(Outcome.Failed.abandoned(job));
            return;
        }
        Future<?> future = executor.submit(() -> {
            long started = System.nanoTime();
            try {
                handlers.run(job.type(), job.payload(), job.context());
                signals.offer(new Outcome.Succeeded(job, System.nanoTime() - started));
            } catch (Throwable e) {
                signals.offer(Outcome.Failed.of(job, e));
            }
        });
        running.put(job.id(), new Running(job, future));
    }

    private void heartbeat() {
        if (running.isEmpty()) {
            return;
        }
        try {
            transactions.extendLeases(running.keySet());
        } catch (RuntimeException e) {
            log.warn("job queue {}: lease renewal failed: {}", settings.queue(), e.toString());
        }
    }

    private void drain() {
        long deadline = System.nanoTime() + settings.shutdownTimeout().toNanos();
        long nextHeartbeat = System.nanoTime() + settings.heartbeat().toNanos();
        while (!running.isEmpty() && System.nanoTime() - deadline < 0) {
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
        if (!running.isEmpty()) {
            running.values().forEach(r -> r.future().cancel(true));
            try {
                int released = transactions.release(running.keySet());
                log.info("job queue {}: released {} unfinished job(s) at shutdown", settings.queue(), released);
            } catch (RuntimeException e) {
                log.warn("job queue {}: could not release {} job(s); they return after their lease: {}",
                        settings.queue(), running.size(), e.toString());
            }
            running.clear();
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
