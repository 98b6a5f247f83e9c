package com.traidnet.wificore.realtime.channels;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

/**
 * {@code wificore_realtime_*} meters, per app: connections, subscriptions, messages and
 * bytes in and out, refusals by reason, HTTP API calls. Served on the metrics port
 * (9670) and in {@code /actuator/prometheus}.
 */
public final class RealtimeMetrics {

    public static final String PREFIX = "wificore.realtime";
    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> subscriptions = new ConcurrentHashMap<>();
    /** The per-frame and per-delivery counters of each app, looked up once per app, not built per message. */
    private final Map<String, Traffic> traffic = new ConcurrentHashMap<>();

    private record Traffic(Counter messagesIn, Counter bytesIn, Counter messagesOut, Counter bytesOut) {
    }

    public RealtimeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers the per-app gauges once the app is known. */
    <T> void appGauges(String appId, T source, ToDoubleFunction<T> connections) {
        Gauge.builder(PREFIX + ".connections", source, connections).tag("app_id", appId)
                .description("open WebSocket connections on this node").register(registry);
        Gauge.builder(PREFIX + ".subscriptions", subscriptions(appId), AtomicLong::get).tag("app_id", appId)
                .description("channel subscriptions on this node").register(registry);
    }

    private AtomicLong subscriptions(String appId) {
        return subscriptions.computeIfAbsent(appId, a -> new AtomicLong());
    }

    void subscribed(String appId, int delta) {
        subscriptions(appId).addAndGet(delta);
    }

    void connected(String appId) {
        counter("connections.opened", appId, null).increment();
    }

    void disconnected(String appId) {
        counter("connections.closed", appId, null).increment();
    }

    void received(String appId, int bytes) {
        Traffic t = traffic(appId);
        t.messagesIn().increment();
        t.bytesIn().increment(bytes);
    }

    void delivered(String appId, int sockets, int bytes) {
        Traffic t = traffic(appId);
        t.messagesOut().increment(sockets);
        t.bytesOut().increment((double) sockets * bytes);
    }

    private Traffic traffic(String appId) {
        Traffic t = traffic.get(appId);
        return t != null ? t : traffic.computeIfAbsent(appId, a -> new Traffic(counter("messages.received", a, null),
                counter("bytes.received", a, null), counter("messages.sent", a, null), counter("bytes.sent", a, null)));
    }

    public void rejected(String appId, String reason) {
        counter("rejects", appId, reason).increment();
    }

    public void apiCall(String appId, String endpoint) {
        counter("http.calls", appId, endpoint).increment();
    }

    private Counter counter(String name, String appId, String reason) {
        String key = name + '|' + appId + '|' + reason;
        Counter c = counters.get(key);
        if (c == null) {
            var builder = Counter.builder(PREFIX + "." + name).tag("app_id", appId == null ? "" : appId);
            if (reason != null) {
                builder.tag(name.equals("http.calls") ? "endpoint" : "reason", reason);
            }
            c = counters.computeIfAbsent(key, k -> builder.register(registry));
        }
        return c;
    }
}
