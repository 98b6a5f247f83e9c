package com.traidnet.wificore.jobs;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Retry delays: {@code base × 2^(attempt-1)}, capped, then spread by ±25 % so that jobs which
 * failed together (a dependency was down) do not all come back at the same instant.
 */
record Backoff(Duration max, DoubleSupplier random) {

    /** Delay before the retry that follows failed attempt number {@code attempt} (1-based). */
    Duration after(int attempt, long baseMillis) {
        long cap = max.toMillis();
        int doublings = Math.min(Math.max(attempt - 1, 0), 40);
        long delay = baseMillis <= 0 ? 0 : (baseMillis > cap >> doublings ? cap : baseMillis << doublings);
        double jitter = 0.75 + random.getAsDouble() * 0.5;
        return Duration.ofMillis(Math.min(cap, Math.round(delay * jitter)));
    }
}
