package com.traidnet.wificore.jobs;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/**
 * A range of enqueue days, written into SQL as literals so that PostgreSQL prunes the jobs
 * partitions while planning — also for cached generic plans, which in PostgreSQL 17 would
 * otherwise open and lock every partition on each execution only to skip them. Whole UTC days,
 * so the statement text (and its cached plan) changes at most once a day. Built from our own
 * instants only, never from input.
 *
 * @param until exclusive; null = open-ended
 */
record EnqueueDays(Instant from, Instant until) {

    /** The days of {@code ids}' enqueue times. */
    static EnqueueDays of(Collection<JobId> ids) {
        Instant min = null;
        Instant max = null;
        for (JobId id : ids) {
            Instant at = id.enqueuedAt();
            min = min == null || at.isBefore(min) ? at : min;
            max = max == null || at.isAfter(max) ? at : max;
        }
        if (min == null) {
            throw new IllegalArgumentException("no job ids");
        }
        return new EnqueueDays(day(min), day(max).plus(1, ChronoUnit.DAYS));
    }

    /** From the day of {@code floor} on. */
    static EnqueueDays since(Instant floor) {
        return new EnqueueDays(day(floor), null);
    }

    /** {@code <alias>enqueued_at >= timestamptz '…' [and … < timestamptz '…']}. */
    String condition(String alias) {
        String c = alias + "enqueued_at >= timestamptz '" + from + "'";
        return until == null ? c : c + " and " + alias + "enqueued_at < timestamptz '" + until + "'";
    }

    private static Instant day(Instant at) {
        return at.truncatedTo(ChronoUnit.DAYS);
    }
}
