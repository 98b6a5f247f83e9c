package com.traidnet.wificore.jobs;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What a worker pool's dispatcher waits for: outcomes from its workers, wake-ups (a job was
 * enqueued, notifications may have been missed) and the time at which a job it knows of falls
 * due. Any thread may signal; only the dispatcher takes.
 */
final class PoolSignals {

    private static final Object WAKE = new Object();
    private static final long NONE = Long.MAX_VALUE;

    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    /** Epoch millis at which a known job falls due; NONE = none known. */
    private final AtomicLong dueAt = new AtomicLong(NONE);
    private final Clock clock;

    PoolSignals(Clock clock) {
        this.clock = clock;
    }

    void outcome(Outcome outcome) {
        queue.offer(outcome);
    }

    /** Look for jobs now; coalesced, so a burst of wake-ups costs one look. */
    void wake() {
        if (wakePending.compareAndSet(false, true)) {
            queue.offer(WAKE);
        }
    }

    /** Interrupts the dispatcher's wait without asking for a look (e.g. to stop). */
    void nudge() {
        queue.offer(WAKE);
    }

    /** A job falls due at {@code epochMillis}; wakes the dispatcher if that is sooner than it knew. */
    void dueAt(long epochMillis) {
        if (dueAt.accumulateAndGet(epochMillis, Math::min) == epochMillis) {
            queue.offer(WAKE);
        }
    }

    /** Like {@link #dueAt} but without waking: the dispatcher itself learned it. */
    void rememberDue(long epochMillis) {
        dueAt.accumulateAndGet(epochMillis, Math::min);
    }

    /** Whether a known job has fallen due; forgets it, as the caller is about to look. */
    boolean takeDue() {
        long due = dueAt.get();
        if (due != NONE && due <= clock.millis()) {
            dueAt.compareAndSet(due, NONE);
            return true;
        }
        return false;
    }

    /** The caller is about to look for jobs: what it knew to fall due is covered. */
    void looking() {
        dueAt.set(NONE);
    }

    /**
     * Waits up to {@code millis} (0 = not at all) — less if a known job falls due sooner — and
     * hands every outcome that came to {@code outcomes}. True if asked to look for jobs.
     */
    boolean take(long millis, Consumer<Outcome> outcomes) throws InterruptedException {
        long due = dueAt.get();
        if (millis > 0 && due != NONE) {
            millis = Math.max(1, Math.min(millis, due - clock.millis()));
        }
        Object first = millis <= 0 ? queue.poll() : queue.poll(millis, TimeUnit.MILLISECONDS);
        if (first == null) {
            return false;
        }
        List<Object> taken = new ArrayList<>();
        taken.add(first);
        queue.drainTo(taken);
        boolean wake = false;
        for (Object signal : taken) {
            if (signal == WAKE) {
                wakePending.set(false);
                wake = true;
            } else {
                outcomes.accept((Outcome) signal);
            }
        }
        return wake;
    }
}
