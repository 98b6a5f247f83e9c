package com.traidnet.wificore.jobs;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;

/**
 * One worker pool's settings.
 *
 * @param worker the {@code locked_by} of its leases: node, queue and a random part, so that two
 *               pools never mistake each other's jobs for their own
 */
record PoolSettings(String queue, int concurrency, String worker, Duration lease, Duration pollInterval,
                    Duration shutdownTimeout) {

    static PoolSettings of(String queue, int concurrency, JobsSettings settings) {
        return new PoolSettings(queue, concurrency, workerId(queue), settings.visibilityTimeout(),
                settings.pollInterval(), settings.shutdownTimeout());
    }

    static String workerId(String queue) {
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + queue + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Leases are renewed three times per visibility timeout, so one late renewal loses nothing. */
    Duration heartbeat() {
        return lease.dividedBy(3);
    }
}
