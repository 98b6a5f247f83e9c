package com.traidnet.wificore.jobs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A worker pool's books, kept by its dispatcher thread alone: the jobs it holds leases on,
 * the outcomes not yet recorded, and how long its jobs take.
 * <p>
 * That last figure decides how far it claims ahead. While the queue's jobs are quick (under
 * {@value #QUICK_MILLIS} ms on average) it holds about {@value #AHEAD_MILLIS} ms of work
 * beyond what the workers run — at least {@code concurrency} jobs, at most
 * {@value #MAX_AHEAD} — so a worker that finishes takes its next job at once instead of
 * waiting for the dispatcher's round trip, and one transaction records and claims many jobs.
 * Slow jobs are claimed only as workers free up, so a node never sits on jobs another node
 * could start.
 */
final class PoolLedger {

    static final int QUICK_MILLIS = 20;
    static final int AHEAD_MILLIS = 100;
    static final int MAX_AHEAD = 256;

    private final int concurrency;
    private final Map<JobId, ClaimedJob> leased = new HashMap<>();
    private final List<Outcome> finished = new ArrayList<>();
    /** Moving average of the run time of the pool's jobs; NaN until the first one finished. */
    private double averageMillis = Double.NaN;

    PoolLedger(int concurrency) {
        this.concurrency = concurrency;
    }

    /** How many more jobs to claim. */
    int room() {
        int ahead = 0;
        if (averageMillis < QUICK_MILLIS) { // false while NaN
            double work = concurrency * AHEAD_MILLIS / Math.max(averageMillis, 0.01);
            ahead = (int) Math.max(concurrency, Math.min(MAX_AHEAD, work));
        }
        return concurrency + ahead - leased.size();
    }

    /** Books a claimed job; false if it is not to run (it kept dying: dead-lettered instead). */
    boolean claimed(ClaimedJob job) {
        if (job.abandoned()) {
            finished.add(Outcome.Failed.abandoned(job));
            return false;
        }
        leased.put(job.id(), job);
        return true;
    }

    /** Books an outcome, unless its job was given up meanwhile (released at shutdown). */
    void finished(Outcome outcome) {
        if (leased.remove(outcome.job().id()) != null) {
            finished.add(outcome);
            double ran = outcome.nanos() / 1e6;
            averageMillis = Double.isNaN(averageMillis) ? ran : 0.9 * averageMillis + 0.1 * ran;
        }
    }

    /** Outcomes not yet recorded in the database. */
    List<Outcome> unrecorded() {
        return finished;
    }

    void recorded() {
        finished.clear();
    }

    Set<JobId> leased() {
        return leased.keySet();
    }

    /** Gives up jobs (released to other nodes): their outcomes will be ignored. */
    void forget(List<JobId> ids) {
        ids.forEach(leased::remove);
    }
}
