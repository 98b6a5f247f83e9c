package com.traidnet.wificore.realtime.channels;

/**
 * A fixed one-second window counter: at most {@code limit} hits per second. Used from one
 * connection's event loop only, so it needs no synchronisation.
 */
final class RateWindow {

    private final int limit;
    private long windowStart;
    private int count;

    RateWindow(int limit) {
        this.limit = limit;
    }

    /** Counts a hit at {@code nowNanos}; false when it is over the limit. */
    boolean allow(long nowNanos) {
        if (nowNanos - windowStart >= 1_000_000_000L) {
            windowStart = nowNanos;
            count = 0;
        }
        return ++count <= limit;
    }
}
