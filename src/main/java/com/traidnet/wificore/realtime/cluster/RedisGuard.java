package com.traidnet.wificore.realtime.cluster;

import io.lettuce.core.RedisCommandTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs Redis calls so that a Redis outage degrades the cluster view instead of failing the
 * caller: a failed call returns the caller's fallback. The first failure of a burst is
 * logged, the rest are counted and summed up when Redis answers again (or once a minute).
 * After a timeout, calls are skipped for a short cool-down: a Redis that accepts connections
 * but does not answer would otherwise hold every Netty event loop for a full timeout per call.
 * Monotonic time ({@link System#nanoTime}), not the injected clock, which tests may stop.
 */
final class RedisGuard {

    private static final Logger log = LoggerFactory.getLogger(RedisGuard.class);
    private static final long REMIND_NANOS = Duration.ofMinutes(1).toNanos();

    private final long coolDownNanos;
    private volatile boolean failing;
    /** System.nanoTime() until which calls are skipped; 0 = not skipping. */
    private volatile long skipUntil;
    private long failedCalls;
    private long lastLogged;
    /** How many outages have ended: calls made during one changed nothing in Redis. */
    private volatile long recoveries;

    RedisGuard(Duration coolDown) {
        this.coolDownNanos = coolDown.toNanos();
    }

    <T> T call(String what, Supplier<T> operation, T fallback) {
        long until = skipUntil;
        if (until != 0 && System.nanoTime() - until < 0) {
            counted();
            return fallback;
        }
        try {
            T result = operation.get();
            if (failing) {
                recovered();
            }
            return result;
        } catch (RuntimeException e) {
            failed(what, e);
            return fallback;
        }
    }

    void run(String what, Runnable operation) {
        call(what, () -> {
            operation.run();
            return null;
        }, null);
    }

    boolean failing() {
        return failing;
    }

    long recoveries() {
        return recoveries;
    }

    private synchronized void counted() {
        failedCalls++;
    }

    private synchronized void failed(String what, RuntimeException e) {
        long now = System.nanoTime();
        failedCalls++;
        if (e instanceof RedisCommandTimeoutException) {
            skipUntil = now + coolDownNanos;
        }
        if (!failing) {
            failing = true;
            lastLogged = now;
            log.warn("Redis call failed ({}): {}; cross-node real-time state is degraded until Redis answers"
                    + " again (further failures are counted, not logged)", what, e.toString());
        } else if (now - lastLogged > REMIND_NANOS) {
            lastLogged = now;
            log.warn("Redis still failing: {} calls failed or skipped so far, last ({}): {}", failedCalls, what,
                    e.toString());
        }
    }

    private synchronized void recovered() {
        if (failing) {
            failing = false;
            skipUntil = 0;
            log.info("Redis answers again; {} calls failed or were skipped meanwhile", failedCalls);
            failedCalls = 0;
            recoveries++;
        }
    }
}
