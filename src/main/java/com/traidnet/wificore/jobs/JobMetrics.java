package com.traidnet.wificore.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per queue: {@code wificore.jobs.enqueued|completed|failed} (failed = dead-lettered),
 * {@code wificore.jobs.retried{reason=backoff|manual}}, the pick-up latency
 * {@code wificore.jobs.pickup} (due → claimed), the run time {@code wificore.jobs.duration},
 * and the depth gauges {@code wificore.jobs.depth{state=ready|scheduled|running|failed}}.
 */
@Component
class JobMetrics {

    private final MeterRegistry registry;
    private final MultiGauge depth;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    JobMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.depth = MultiGauge.builder("wificore.jobs.depth").description("Jobs by queue and state")
                .register(registry);
    }

    void enqueued(String queue) {
        counter("wificore.jobs.enqueued", queue).increment();
    }

    void completed(String queue, Duration took) {
        counter("wificore.jobs.completed", queue).increment();
        Timer.builder("wificore.jobs.duration").tag("queue", queue).register(registry).record(took);
    }

    void failed(String queue) {
        counter("wificore.jobs.failed", queue).increment();
    }

    void retried(String queue, String reason) {
        Counter.builder("wificore.jobs.retried").tag("queue", queue).tag("reason", reason).register(registry)
                .increment();
    }

    void pickedUp(String queue, Duration latency) {
        Timer.builder("wificore.jobs.pickup").description("From due to claimed").tag("queue", queue)
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10)).register(registry)
                .record(latency.isNegative() ? Duration.ZERO : latency);
    }

    /** Replaces the depth gauges with a fresh status. */
    void depth(List<QueueStatus> status) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (QueueStatus q : status) {
            rows.add(MultiGauge.Row.of(Tags.of("queue", q.queue(), "state", "ready"), q.ready()));
            rows.add(MultiGauge.Row.of(Tags.of("queue", q.queue(), "state", "scheduled"), q.scheduled()));
            rows.add(MultiGauge.Row.of(Tags.of("queue", q.queue(), "state", "running"), q.running()));
            rows.add(MultiGauge.Row.of(Tags.of("queue", q.queue(), "state", "failed"), q.failed()));
        }
        depth.register(rows, true);
    }

    /** Enqueues run at thousands per second: their counters are looked up once. */
    private Counter counter(String name, String queue) {
        return counters.computeIfAbsent(name + " " + queue,
                k -> Counter.builder(name).tag("queue", queue).register(registry));
    }
}
