package com.traidnet.wificore.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The workers of one queue on one node: {@code concurrency} virtual threads that run jobs
 * from a local buffer, and a dispatcher thread that keeps the buffer filled (claiming ahead
 * for quick jobs, see {@link PoolLedger}). The workers report outcomes back, and the
 * dispatcher records everything that finished meanwhile, and claims the next jobs, in one
 * transaction. The busier the queue, the bigger those batches.
 * <p>
 * The dispatcher wakes on a finished job, on a NOTIFY for its queue, when a job it knows of
 * falls due, and every poll interval. It renews the leases of all the jobs it holds every
 * third of the visibility timeout, so only a dead node's jobs ever come back.
 */
final class WorkerPool {

    private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);

    private final PoolSettings settings;
    private final PoolTransactions transactions;
    private final JobHandlers handlers;
    private final PoolSignals signals;
    /** Claimed jobs no worker has taken yet. */
    private final LinkedBlockingQueue<ClaimedJob> buffer = new LinkedBlockingQueue<>();
    private final List<Thread> workers = new ArrayList<>();
    private final PoolLedger ledger;
    private volatile boolean accepting = true;
    private volatile boolean abandoned;
    private Thread dispatcher;

    WorkerPool(PoolSettings settings, PoolTransactions transactions, JobHandlers handlers) {
        this.settings = settings;
        this.transactions = transactions;
        this.handlers = handlers;
        this.ledger = new PoolLedger(settings.concurrency());
        this.signals = new PoolSignals(transactions.clock());
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
        signals.wake();
    }

    /** A job of this queue falls due at {@code epochMillis}. */
    void wakeAt(long epochMillis) {
        signals.dueAt(epochMillis);
    }

    /**
     * Stops claiming and gives back the buffered jobs, lets running jobs finish for up to the
     * shutdown timeout, then interrupts them and releases their leases so another node takes
     * them at once. Blocks until done.
     */
    void shutdown() {
        accepting = false;
        signals.nudge();
        join();
        workers.forEach(Thread::interrupt);
    }

    /** Tests: dies like a killed node — no more claims, heartbeats, outcomes or releases. */
    void abandon() {
        abandoned = true;
        accepting = false;
        signals.nudge();
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
                signals.outcome(new Outcome.Succeeded(job, System.nanoTime() - started));
            } catch (Throwable e) {
                signals.outcome(Outcome.Failed.of(job, e, System.nanoTime() - started));
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
            boolean busy = !ledger.unrecorded().isEmpty() || (wanted && ledger.room() > 0);
            wanted |= take(busy ? 0 : waitMillis(nextPoll, nextHeartbeat));
            if (!accepting) {
                break;
            }
            long now = System.nanoTime();
            if (signals.takeDue() || now - nextPoll >= 0) {
                wanted = true;
            }
            int want = wanted ? ledger.room() : 0;
            if (want > 0 || !ledger.unrecorded().isEmpty()) {
                try {
                    if (want > 0) {
                        signals.looking();
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

    /** Waits up to {@code millis} for signals and takes all that came; true if asked to look for jobs. */
    private boolean take(long millis) {
        try {
            return signals.take(millis, ledger::finished);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            accepting = false;
            return false;
        }
    }

    private long waitMillis(long nextPoll, long nextHeartbeat) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(nextPoll, nextHeartbeat) - System.nanoTime()));
    }

    private List<ClaimedJob> commit(int want) {
        PoolTransactions.Committed done = transactions.commit(ledger.unrecorded(), want);
        ledger.recorded();
        if (done.nextRetry() != null) {
            signals.rememberDue(done.nextRetry().toEpochMilli());
        }
        return done.claimed();
    }

    private void accept(ClaimedJob job) {
        if (ledger.claimed(job)) {
            buffer.add(job);
        }
    }

    private void heartbeat() {
        if (ledger.leased().isEmpty()) {
            return;
        }
        try {
            transactions.extendLeases(ledger.leased());
        } catch (RuntimeException e) {
            log.warn("job queue {}: lease renewal failed: {}", settings.queue(), e.toString());
        }
    }

    private void drain() {
        List<ClaimedJob> unstarted = new ArrayList<>();
        buffer.drainTo(unstarted);
        List<JobId> unstartedIds = unstarted.stream().map(ClaimedJob::id).toList();
        ledger.forget(unstartedIds);
        release(unstartedIds);
        long deadline = System.nanoTime() + settings.shutdownTimeout().toNanos();
        long nextHeartbeat = System.nanoTime() + settings.heartbeat().toNanos();
        while (!ledger.leased().isEmpty() && System.nanoTime() - deadline < 0) {
            take(Math.max(1, Math.min(100, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()))));
            if (!ledger.unrecorded().isEmpty()) {
                commitQuietly();
            }
            if (System.nanoTime() - nextHeartbeat >= 0) {
                heartbeat();
                nextHeartbeat = System.nanoTime() + settings.heartbeat().toNanos();
            }
        }
        take(0);
        commitQuietly();
        if (!ledger.leased().isEmpty()) {
            workers.forEach(Thread::interrupt);
            List<JobId> running = List.copyOf(ledger.leased());
            ledger.forget(running);
            release(running);
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
        if (ledger.unrecorded().isEmpty()) {
            return;
        }
        try {
            commit(0);
        } catch (RuntimeException e) {
            log.warn("job queue {}: {} outcome(s) not recorded at shutdown: {}", settings.queue(),
                    ledger.unrecorded().size(), e.toString());
            ledger.recorded();
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
