package com.traidnet.wificore.radius.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * RADIUS meters: requests by type/result/tenant, drops by reason, latency histograms and
 * commit batch sizes. Meters are looked up once and kept, so the packet path does no
 * registry work.
 */
@Component
public class RadiusMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> requests = new ConcurrentHashMap<>();
    private final Map<DropReason, Counter> drops = new ConcurrentHashMap<>();
    private final Map<String, Timer> latency = new ConcurrentHashMap<>();
    private final Map<String, DistributionSummary> batches = new ConcurrentHashMap<>();
    private final Counter duplicates;

    RadiusMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.duplicates = Counter.builder("wificore.radius.duplicates")
                .description("retransmitted requests answered from the duplicate cache").register(registry);
        for (DropReason reason : DropReason.values()) {
            drops.put(reason, Counter.builder("wificore.radius.drops").tag("reason", reason.tag())
                    .description("datagrams dropped without an answer").register(registry));
        }
    }

    public void request(String type, String result, String tenant) {
        requests.computeIfAbsent(type + '|' + result + '|' + tenant, k -> Counter.builder("wificore.radius.requests")
                .tag("type", type).tag("result", result).tag("tenant", tenant)
                .description("RADIUS requests answered").register(registry)).increment();
    }

    public void drop(DropReason reason) {
        drops.get(reason).increment();
    }

    public double dropped(DropReason reason) {
        return drops.get(reason).count();
    }

    void duplicate() {
        duplicates.increment();
    }

    void latency(String type, long nanos) {
        latency.computeIfAbsent(type, t -> Timer.builder("wificore.radius.latency").tag("type", t)
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(5))
                .description("time from datagram received to reply sent").register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    public void batch(String what, int size) {
        batches.computeIfAbsent(what, w -> DistributionSummary.builder("wificore.radius.commit.batch.size")
                .tag("table", w).description("rows written per commit").register(registry)).record(size);
    }
}
