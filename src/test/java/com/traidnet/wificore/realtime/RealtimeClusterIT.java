package com.traidnet.wificore.realtime;

import com.traidnet.wificore.realtime.protocol.PusherApps;
import com.traidnet.wificore.realtime.protocol.Signatures;
import com.traidnet.wificore.support.IntegrationTest;
import com.traidnet.wificore.support.JarProcesses;
import com.traidnet.wificore.support.PusherHttp;
import com.traidnet.wificore.support.RawPusherClient;
import com.traidnet.wificore.support.TestDatabase;
import com.traidnet.wificore.support.TestRedis;
import com.traidnet.wificore.tenant.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static com.traidnet.wificore.support.Api.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two real-time nodes behind one Redis: this test's platform (node 1) and the packaged jar
 * started as a second process on the same database and secret key (node 2). Events cross
 * nodes both ways, presence and channel queries see both nodes, and when node 2 is killed
 * (SIGKILL, no goodbye) node 1 drops its members.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the crash test kills node 2, so it runs last
class RealtimeClusterIT extends IntegrationTest {

    private static Process node2;
    private static int node2Http;
    private static int node2Ws;

    @Autowired
    PusherApps apps;
    @Autowired
    RealtimeEndpoint endpoint;
    @Autowired
    RealtimePublisher publisher;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("wificore.realtime.redis-url", TestRedis::url);
        registry.add("wificore.realtime.node-id", () -> "node-1");
        registry.add("wificore.realtime.node-heartbeat", () -> "PT0.3S");
    }

    @BeforeEach
    void startNode2() throws Exception {
        if (node2 != null && node2.isAlive()) {
            return;
        }
        var db = TestDatabase.get();
        node2Http = TestDatabase.freePort();
        node2Ws = TestDatabase.freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var builder = new ProcessBuilder(java, "-Xmx256m", "-jar", System.getProperty("wificore.jar", "target/wificore.jar"));
        var env = builder.environment();
        env.put("WIFICORE_DB_URL", db.jdbcUrl());
        env.put("WIFICORE_DB_USER", db.username());
        env.put("WIFICORE_DB_PASSWORD", db.password());
        // the same secret key as node 1, hence the same derived Pusher app
        env.put("WIFICORE_SECRET_KEY", Files.readString(TestDatabase.dataDir().resolve("secret.key")).trim());
        env.put("WIFICORE_DATA_DIR", Files.createTempDirectory("wificore-node2-").toString());
        env.put("WIFICORE_HTTP_PORT", String.valueOf(node2Http));
        env.put("WIFICORE_WS_PORT", String.valueOf(node2Ws));
        env.put("WIFICORE_WS_METRICS_PORT", "-1");
        env.put("WIFICORE_RADIUS_AUTH_PORT", "0");
        env.put("WIFICORE_RADIUS_ACCT_PORT", "0");
        env.put("WIFICORE_REDIS_URL", TestRedis.url());
        env.put("WIFICORE_REALTIME_NODEID", "node-2");
        env.put("WIFICORE_REALTIME_NODEHEARTBEAT", "PT0.3S");
        env.put("WIFICORE_JOBS_ENABLED", "false");
        env.put("WIFICORE_PARTITIONS_CATCHUP", "false");
        env.put("WIFICORE_PARTITIONS_CRON", "-");
        Path log = Files.createTempFile("wificore-node2-", ".log");
        node2 = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        JarProcesses.awaitHealthy(node2, node2Http, Duration.ofSeconds(120));
    }

    @AfterAll
    static void stopNode2() {
        if (node2 != null) {
            node2.destroyForcibly();
        }
    }

    @Test
    @Order(1)
    void aSubscriberOnNodeOneGetsEventsPublishedOnNodeTwo() {
        var http = new PusherHttp(apps.primary());
        try (var onNode1 = new RawPusherClient(endpoint.port(), apps.primary().key());
             var onNode2 = new RawPusherClient(node2Ws, apps.primary().key())) {
            onNode1.subscribe("cluster-news");
            onNode1.next("pusher_internal:subscription_succeeded");
            onNode2.subscribe("cluster-news");
            onNode2.next("pusher_internal:subscription_succeeded");

            // node 2's HTTP API → node 1's subscriber
            var sent = http.post(node2Ws, "/events", "{\"name\":\"hello\",\"channel\":\"cluster-news\",\"data\":\"from-2\"}");
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
            assertThat(onNode1.next("hello").path("data").asString()).isEqualTo("from-2");
            assertThat(onNode2.next("hello").path("data").asString()).isEqualTo("from-2");

            // node 1's counts include node 2's subscriber
            var channel = http.get(endpoint.port(), "/channels/cluster-news?info=subscription_count");
            assertThat(JSON.readTree(channel.body()).path("subscription_count").asInt()).isEqualTo(2);
        }
    }

    @Test
    @Order(2)
    void theInProcessPublisherOfNodeOneReachesNodeTwo() {
        TenantId tenant = TenantId.random();
        String channel = RealtimePublisher.tenantChannel(tenant, "sessions");
        try (var onNode2 = new RawPusherClient(node2Ws, apps.primary().key())) {
            String auth = Signatures.channelAuth(apps.primary(), onNode2.socketId(), channel, null);
            onNode2.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\",\"auth\":\""
                    + auth + "\"}}");
            onNode2.next("pusher_internal:subscription_succeeded");
            publisher.publish(tenant, "sessions", "session.started", java.util.Map.of("username", "alice"));
            var event = onNode2.next("session.started");
            assertThat(JSON.readTree(event.path("data").asString()).path("username").asString()).isEqualTo("alice");
        }
    }

    @Test
    @Order(3)
    void presenceSpansNodesAndADeadNodesMembersAreDropped() throws Exception {
        String channel = "presence-cluster-" + UUID.randomUUID().toString().substring(0, 8);
        var http = new PusherHttp(apps.primary());
        var onNode1 = new RawPusherClient(endpoint.port(), apps.primary().key());
        var onNode2 = new RawPusherClient(node2Ws, apps.primary().key());
        try {
            join(onNode1, channel, "alice");
            var joined = join(onNode2, channel, "bob");
            // bob on node 2 sees alice (node 1) already in the member list
            assertThat(JSON.readTree(joined.path("data").asString()).path("presence").path("ids").toString())
                    .contains("alice").contains("bob");
            var added = onNode1.next("pusher_internal:member_added");
            assertThat(JSON.readTree(added.path("data").asString()).path("user_id").asString()).isEqualTo("bob");

            var users = http.get(endpoint.port(), "/channels/" + channel + "/users");
            assertThat(users.body()).contains("alice").contains("bob");

            node2.destroyForcibly().waitFor(); // a crash: no unsubscribes, no goodbye to Redis
            var removed = onNode1.next("pusher_internal:member_removed");
            assertThat(JSON.readTree(removed.path("data").asString()).path("user_id").asString()).isEqualTo("bob");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                var after = http.get(endpoint.port(), "/channels/" + channel + "/users");
                assertThat(after.body()).contains("alice").doesNotContain("bob");
            });
        } finally {
            onNode1.close();
            onNode2.close();
        }
    }

    private tools.jackson.databind.JsonNode join(RawPusherClient client, String channel, String user) {
        String data = "{\"user_id\":\"" + user + "\"}";
        String auth = Signatures.channelAuth(apps.primary(), client.socketId(), channel, data);
        client.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\",\"auth\":\"" + auth
                + "\",\"channel_data\":" + JSON.writeValueAsString(data) + "}}");
        return client.next("pusher_internal:subscription_succeeded");
    }

}
