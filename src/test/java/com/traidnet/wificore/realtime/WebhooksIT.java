package com.traidnet.wificore.realtime;

import com.sun.net.httpserver.HttpServer;
import com.traidnet.wificore.realtime.protocol.PusherApps;
import com.traidnet.wificore.realtime.protocol.Signatures;
import com.traidnet.wificore.support.IntegrationTest;
import com.traidnet.wificore.support.RawPusherClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static com.traidnet.wificore.support.Api.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks reach a real HTTP receiver, signed with the app secret, batched, and retried when
 * the receiver fails: channel_occupied / channel_vacated, member_added / member_removed,
 * client_event.
 */
class WebhooksIT extends IntegrationTest {

    record Delivery(String key, String signature, String body) {
    }

    private static final List<Delivery> received = new CopyOnWriteArrayList<>();
    private static final AtomicInteger failuresToSend = new AtomicInteger();
    private static final HttpServer receiver = startReceiver();

    @Autowired
    PusherApps apps;
    @Autowired
    RealtimeEndpoint endpoint;

    private static HttpServer startReceiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hooks", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int status = failuresToSend.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 200;
                if (status == 200) {
                    received.add(new Delivery(exchange.getRequestHeaders().getFirst("X-Pusher-Key"),
                            exchange.getRequestHeaders().getFirst("X-Pusher-Signature"), body));
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void webhooks(DynamicPropertyRegistry registry) {
        registry.add("wificore.realtime.webhook-urls",
                () -> "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks");
        registry.add("wificore.realtime.webhook-batch-window", () -> "PT0.1S");
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    private List<JsonNode> events() {
        List<JsonNode> events = new ArrayList<>();
        for (Delivery d : received) {
            assertThat(d.key()).isEqualTo(apps.primary().key());
            assertThat(Signatures.same(Signatures.hmacSha256Hex(apps.primary().secret(), d.body()), d.signature()))
                    .as("X-Pusher-Signature of " + d.body()).isTrue();
            JSON.readTree(d.body()).path("events").forEach(events::add);
        }
        return events;
    }

    private boolean has(String name, String channel) {
        return events().stream().anyMatch(e -> e.path("name").asString().equals(name)
                && e.path("channel").asString().equals(channel));
    }

    @Test
    void occupiedAndVacatedAreSignedAndSurviveAFailingReceiver() {
        failuresToSend.set(2); // the first two POSTs get 503 and must be retried
        try (var client = new RawPusherClient(endpoint.port(), apps.primary().key())) {
            client.subscribe("hooks-public");
            client.next("pusher_internal:subscription_succeeded");
            await().untilAsserted(() -> assertThat(has("channel_occupied", "hooks-public")).isTrue());
            client.send("{\"event\":\"pusher:unsubscribe\",\"data\":{\"channel\":\"hooks-public\"}}");
            await().untilAsserted(() -> assertThat(has("channel_vacated", "hooks-public")).isTrue());
        }
    }

    @Test
    void presenceAndClientEventsAreReported() {
        String channel = "presence-hooks";
        String data = "{\"user_id\":\"u1\",\"user_info\":{\"name\":\"One\"}}";
        try (var one = new RawPusherClient(endpoint.port(), apps.primary().key());
             var two = new RawPusherClient(endpoint.port(), apps.primary().key())) {
            one.send(subscribe(one, channel, data));
            one.next("pusher_internal:subscription_succeeded");
            String data2 = "{\"user_id\":\"u2\"}";
            two.send(subscribe(two, channel, data2));
            two.next("pusher_internal:subscription_succeeded");
            one.send("{\"event\":\"client-wave\",\"channel\":\"" + channel + "\",\"data\":{\"hi\":1}}");
            assertThat(two.next("client-wave").path("user_id").asString()).isEqualTo("u1");
            await().untilAsserted(() -> {
                var events = events();
                assertThat(events).anyMatch(e -> e.path("name").asString().equals("member_added")
                        && e.path("user_id").asString().equals("u2"));
                assertThat(events).anyMatch(e -> e.path("name").asString().equals("client_event")
                        && e.path("event").asString().equals("client-wave")
                        && e.path("socket_id").asString().equals(one.socketId())
                        && e.path("user_id").asString().equals("u1"));
            });
        }
        await().untilAsserted(() -> assertThat(events()).anyMatch(e -> e.path("name").asString().equals("member_removed")
                && e.path("user_id").asString().equals("u2")));
        await().untilAsserted(() -> assertThat(has("channel_vacated", channel)).isTrue());
    }

    private String subscribe(RawPusherClient client, String channel, String channelData) {
        String auth = Signatures.channelAuth(apps.primary(), client.socketId(), channel, channelData);
        return "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\",\"auth\":\"" + auth
                + "\",\"channel_data\":" + JSON.writeValueAsString(channelData) + "}}";
    }
}
