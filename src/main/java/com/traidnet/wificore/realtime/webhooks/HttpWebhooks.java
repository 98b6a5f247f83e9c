package com.traidnet.wificore.realtime.webhooks;

import com.traidnet.wificore.realtime.protocol.Frames;
import com.traidnet.wificore.realtime.protocol.PusherApp;
import com.traidnet.wificore.realtime.protocol.Signatures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pusher webhooks: events collected for {@code batchWindow}, then one POST per app and URL
 * with {@code {"time_ms", "events": [...]}}, signed with {@code X-Pusher-Key} and
 * {@code X-Pusher-Signature = HMAC-SHA256(secret, body)}. A failed POST (no answer or not
 * 2xx) is retried with doubling delays, {@code retries} times; then it is dropped and logged.
 * The queue is bounded so a dead receiver cannot exhaust memory.
 */
public final class HttpWebhooks implements Webhooks, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpWebhooks.class);
    private static final int MAX_QUEUED = 100_000;
    private static final int MAX_BATCH = 100;

    private record Pending(PusherApp app, WebhookEvent event) {
    }

    private final List<URI> urls;
    private final int retries;
    private final Clock clock;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final ScheduledExecutorService timer;
    private final HttpClient http;

    public HttpWebhooks(List<String> urls, Duration batchWindow, int retries, Clock clock) {
        this.urls = urls.stream().map(URI::create).toList();
        this.retries = retries;
        this.clock = clock;
        if (this.urls.isEmpty()) {
            this.timer = null;
            this.http = null;
            return;
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("webhooks").factory());
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long every = batchWindow.toMillis();
        timer.scheduleWithFixedDelay(this::flush, every, every, TimeUnit.MILLISECONDS);
    }

    public boolean enabled() {
        return !urls.isEmpty();
    }

    @Override
    public void add(PusherApp app, WebhookEvent event) {
        if (!enabled()) {
            return;
        }
        if (queued.incrementAndGet() > MAX_QUEUED) {
            queued.decrementAndGet();
            log.warn("webhook queue full ({}); dropping {} for {}", MAX_QUEUED, event.name(), event.channel());
            return;
        }
        queue.add(new Pending(app, event));
    }

    private void flush() {
        try {
            Map<PusherApp, List<WebhookEvent>> byApp = new LinkedHashMap<>();
            Pending p;
            while ((p = queue.poll()) != null) {
                queued.decrementAndGet();
                byApp.computeIfAbsent(p.app(), a -> new ArrayList<>()).add(p.event());
            }
            byApp.forEach((app, events) -> {
                for (int from = 0; from < events.size(); from += MAX_BATCH) {
                    String body = body(events.subList(from, Math.min(events.size(), from + MAX_BATCH)));
                    urls.forEach(url -> send(app, url, body, 0));
                }
            });
        } catch (RuntimeException e) {
            log.warn("webhook flush failed: {}", e.toString());
        }
    }

    String body(List<WebhookEvent> events) {
        var list = new StringJoiner(",", "[", "]");
        for (WebhookEvent e : events) {
            var fields = new StringJoiner(",", "{", "}");
            fields.add("\"name\":" + Frames.quote(e.name()));
            fields.add("\"channel\":" + Frames.quote(e.channel()));
            if (e.userId() != null) {
                fields.add("\"user_id\":" + Frames.quote(e.userId()));
            }
            if (e.event() != null) {
                fields.add("\"event\":" + Frames.quote(e.event()));
                fields.add("\"data\":" + Frames.quote(e.data()));
                fields.add("\"socket_id\":" + Frames.quote(e.socketId()));
            }
            list.add(fields.toString());
        }
        return "{\"time_ms\":" + clock.millis() + ",\"events\":" + list + "}";
    }

    private void send(PusherApp app, URI url, String body, int attempt) {
        var request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Pusher-Key", app.key())
                .header("X-Pusher-Signature", Signatures.hmacSha256Hex(app.secret(), body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            boolean ok = error == null && response.statusCode() / 100 == 2;
            if (ok) {
                return;
            }
            String why = error != null ? error.toString() : "HTTP " + response.statusCode();
            if (attempt >= retries) {
                log.warn("webhook to {} dropped after {} attempts: {}", url, attempt + 1, why);
                return;
            }
            long delay = 500L << Math.min(attempt, 6);
            timer.schedule(() -> send(app, url, body, attempt + 1), delay, TimeUnit.MILLISECONDS);
        });
    }

    @Override
    public void close() {
        if (timer != null) {
            flush();
            timer.shutdown();
        }
    }
}
