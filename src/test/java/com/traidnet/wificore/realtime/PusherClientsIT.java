package com.traidnet.wificore.realtime;

import com.traidnet.wificore.radius.server.RadiusServer;
import com.traidnet.wificore.support.NodeScripts;
import com.traidnet.wificore.support.Radclient;
import com.traidnet.wificore.tenant.TenantId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.traidnet.wificore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real-time server as stock clients see it (docs/realtime.md): pusher-js and laravel-echo
 * in Node.js subscribe, the `pusher` server SDK publishes over the HTTP API, and the
 * platform publishes in process and from RADIUS accounting. Scenarios are in
 * src/test/node/realtime; each prints its observations, which are asserted here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PusherClientsIT extends PusherClientsSupport {

    @Autowired
    RealtimePublisher publisher;
    @Autowired
    RadiusServer radius;

    private TestTenant tenant;
    private TestTenant otherTenant;
    private String operatorToken;

    @BeforeAll
    void tenants() {
        tenant = registerTenant("rt");
        otherTenant = registerTenant("rt_other");
        operatorToken = addOperator(tenant);
    }

    private String privateChannel(String topic) {
        return "private-tenant." + tenant.id() + "." + topic;
    }

    @Test
    void pusherJsReceivesWhatTheSdkTriggersOnPublicPrivateAndPresenceChannels() {
        JsonNode r = run("channels.mjs", env(tenant));

        assertThat(r.path("statuses").toString()).isEqualTo("{\"excluded\":200,\"triggered\":200,\"batch\":200}");
        JsonNode received = r.path("received");
        assertThat(events(received.path("public"))).containsExactly("greeting", "batch-1");
        // "not-for-me" was triggered with the subscriber's socket_id: excluded
        assertThat(events(received.path("private"))).containsExactly("greeting", "batch-2");
        assertThat(events(received.path("presence"))).containsExactly("greeting");
        assertThat(received.path("private").get(0).path("data").toString()).isEqualTo("{\"text\":\"hello\",\"n\":1}");
        assertThat(received.path("public").get(1).path("data").path("n").asInt()).isEqualTo(2);
        JsonNode presence = r.path("presence");
        assertThat(presence.path("count").asInt()).isEqualTo(1);
        assertThat(presence.path("me").path("id").asString()).isEqualTo(tenant.adminId());
        assertThat(presence.path("me").path("info").path("email").asString()).isEqualTo(tenant.adminEmail());
    }

    @Test
    void theInProcessPublisherReachesPusherJs() {
        String channel = privateChannel("sessions");
        try (var script = NodeScripts.start("listen.mjs", env(tenant, "CHANNEL", channel, "EVENTS", "device.seen"),
                SCRIPT_TIMEOUT)) {
            script.awaitLine(line -> line.path("ready").asBoolean());
            publisher.publish(tenantId(tenant), "sessions", "device.seen", Map.of("mac", "AA:BB:CC:00:11:22",
                    "online", true));
            JsonNode r = script.await().requireOk();
            assertThat(events(r.path("received"))).containsExactly("device.seen");
            JsonNode data = r.path("received").get(0).path("data");
            assertThat(data.path("mac").asString()).isEqualTo("AA:BB:CC:00:11:22");
            assertThat(data.path("online").asBoolean()).isTrue();
        }
    }

    @Test
    void aRadiusAccountingStartIsPublishedAsSessionStarted() {
        String secret = "s3cret-" + UUID.randomUUID().toString().substring(0, 8);
        var nas = api().post("/api/nas", json("name", "router-rt", "address", "127.0.0.1", "secret", secret,
                "type", "mikrotik", "requireMessageAuthenticator", false, "coaPort", 3799), tenant.token());
        assertThat(nas.status()).as(nas.body().toString()).isEqualTo(201);
        String session = "rt-" + UUID.randomUUID().toString().substring(0, 8);
        try (var script = NodeScripts.start("listen.mjs", env(tenant, "CHANNEL", privateChannel("sessions"),
                "EVENTS", "session.started"), SCRIPT_TIMEOUT)) {
            script.awaitLine(line -> line.path("ready").asBoolean());
            accountingStart(secret, session);
            JsonNode r = script.await().requireOk();
            assertThat(events(r.path("received"))).containsExactly("session.started");
            JsonNode data = r.path("received").get(0).path("data");
            assertThat(data.path("acctSessionId").asString()).isEqualTo(session);
            assertThat(data.path("username").asString()).isEqualTo("alice");
            assertThat(data.path("nasIp").asString()).isEqualTo("127.0.0.1");
            assertThat(data.path("framedIp").asString()).isEqualTo("10.5.0.9");
            assertThat(data.path("callingStationId").asString()).isEqualTo("AA:BB:CC:DD:EE:01");
            assertThat(data.path("sessionId").isMissingNode()).isFalse();
        }
    }

    /** radclient as the NAS; the NAS directory reloads on a notification, so a first packet may go unanswered. */
    private void accountingStart(String secret, String session) {
        String packet = "Tenant-ID = \"" + tenant.id() + "\"\nAcct-Status-Type = Start\nAcct-Session-Id = \"" + session
                + "\"\nUser-Name = alice\nNAS-IP-Address = 127.0.0.1\nNAS-Port = 7\nFramed-IP-Address = 10.5.0.9\n"
                + "Calling-Station-Id = \"AA:BB:CC:DD:EE:01\"\n";
        Radclient.Reply reply = null;
        for (int attempt = 0; attempt < 5 && (reply == null || reply.code() == null); attempt++) {
            reply = Radclient.send(radius.acctPort(), "acct", secret, packet);
        }
        assertThat(reply.code()).as(reply.output()).isEqualTo("Accounting-Response");
    }

    @Test
    void laravelEchoListensOnATenantPrivateChannelAndJoinsPresence() {
        JsonNode r = run("echo.mjs", env(tenant));

        assertThat(r.path("channel").asString()).isEqualTo(privateChannel("sessions"));
        assertThat(r.path("data").toString()).isEqualTo("{\"acctSessionId\":\"echo-1\",\"username\":\"alice\"}");
        assertThat(r.path("here")).hasSize(1);
        assertThat(r.path("here").get(0).path("email").asString()).isEqualTo(tenant.adminEmail());
    }

    @Test
    void presenceMembersSeeEachOtherComeAndGo() {
        JsonNode r = run("presence.mjs", env(tenant, "TOKEN_2", operatorToken));

        String admin = tenant.adminId();
        String operator = r.path("secondJoined").path("myId").asString();
        assertThat(operator).isNotEqualTo(admin).isNotBlank();
        assertThat(strings(r.path("firstJoined").path("ids"))).containsExactly(admin);
        assertThat(strings(r.path("secondJoined").path("ids"))).containsExactlyInAnyOrder(admin, operator);
        assertThat(r.path("secondJoined").path("me").path("info").path("roles").toString()).isEqualTo("[\"operator\"]");
        assertThat(strings(r.path("firstSees").path("ids"))).containsExactlyInAnyOrder(admin, operator);
        assertThat(r.path("memberAdded").path("id").asString()).isEqualTo(operator);
        assertThat(r.path("memberRemoved").path("id").asString()).isEqualTo(operator);
        assertThat(strings(r.path("firstSeesAfter").path("ids"))).containsExactly(admin);
        // a user's second connection is the same member: no member_added / member_removed for it
        JsonNode secondTab = r.path("secondTab");
        assertThat(strings(secondTab.path("joined").path("ids"))).containsExactlyInAnyOrder(admin, operator);
        assertThat(strings(secondTab.path("users"))).containsExactlyInAnyOrder(admin, operator);
        assertThat(events(secondTab.path("seenBySecond"))).containsExactly("probe");
        // the HTTP API (pusher SDK): GET /channels/{name}/users, /channels, /channels/{name}
        assertThat(strings(r.path("usersWithBoth"))).containsExactlyInAnyOrder(admin, operator);
        assertThat(strings(r.path("usersAfter"))).containsExactly(admin);
        assertThat(r.path("channels").path(r.path("channel").asString()).path("user_count").asInt()).isEqualTo(2);
        assertThat(r.path("channelInfo").toString())
                .isEqualTo("{\"occupied\":true,\"subscription_count\":2,\"user_count\":2}");
    }

    @Test
    void clientEventsReachTheOtherSubscriberOnlyAndAreRefusedOnPublicChannels() {
        JsonNode r = run("client-events.mjs", env(tenant, "TOKEN_2", operatorToken));

        for (String kind : List.of("private", "presence")) {
            JsonNode exchange = r.path(kind);
            assertThat(exchange.path("atB").path("data").toString()).as(kind).isEqualTo("{\"from\":\"a\"}");
            assertThat(exchange.path("atA").path("data").toString()).as(kind).isEqualTo("{\"from\":\"b\"}");
            // not echoed: the sender saw only the reply, the receiver only the event
            assertThat(strings(exchange.path("seenByA"))).as(kind).containsExactly("client-reply");
            assertThat(strings(exchange.path("seenByB"))).as(kind).containsExactly("client-typing");
        }
        assertThat(r.path("private").path("atB").path("metadata").path("user_id").isMissingNode()).isTrue();
        assertThat(r.path("presence").path("atB").path("metadata").path("user_id").asString())
                .isEqualTo(tenant.adminId());
        JsonNode refusal = r.path("public").path("refusal");
        assertThat(refusal.path("type").asString()).isEqualTo("PusherError");
        // docs/realtime.md: a client event on a public channel is pusher:error 4009 with the reason
        assertThat(refusal.path("data").path("code").asInt()).isEqualTo(4009);
        assertThat(refusal.path("data").path("message").asString()).contains("private and presence");
        assertThat(strings(r.path("public").path("seenByB"))).containsExactly("after");
    }

    @Test
    void encryptedChannelsCarryCiphertextThatPusherJsDecrypts() {
        JsonNode r = run("encrypted.mjs", env(tenant));

        assertThat(r.path("status").asInt()).isEqualTo(200);
        assertThat(r.path("decrypted").toString())
                .isEqualTo("{\"pin\":\"4711\",\"note\":\"only subscribers can read this\"}");
        JsonNode wire = r.path("onTheWire");
        assertThat(wire.path("nonce").asString()).isNotBlank();
        assertThat(wire.path("ciphertext").asString()).isNotBlank();
        assertThat(wire.toString()).doesNotContain("4711");
    }

    @Test
    void cacheChannelsReplayTheLastEventOrSayCacheMiss() {
        JsonNode r = run("cache.mjs", env(tenant));

        assertThat(r.path("firstSees").path("event").asString()).isEqualTo("pusher:cache_miss");
        assertThat(r.path("lateSees").path("event").asString()).isEqualTo("price");
        assertThat(r.path("lateSees").path("data").toString()).isEqualTo("{\"amount\":2}");
    }

    @Test
    void aSignedInUserGetsSendToUserAndIsTerminated() {
        JsonNode r = run("signin.mjs", env(tenant));

        assertThat(r.path("user").path("id").asString()).isEqualTo(tenant.adminId());
        assertThat(r.path("sendStatus").asInt()).isEqualTo(200);
        assertThat(r.path("received").toString()).isEqualTo("{\"text\":\"for you only\"}");
        assertThat(r.path("terminateStatus").asInt()).isEqualTo(200);
        assertThat(r.path("closeError").path("data").path("code").asInt()).isEqualTo(4009);
        assertThat(r.path("state").asString()).isEqualTo("disconnected"); // 4000-4099: pusher-js does not retry
    }

    @Test
    void refusalsCarryTheProtocolsCodes() {
        JsonNode r = run("refusals.mjs", env(tenant, "TENANT_B_ID", otherTenant.id()));

        assertThat(r.path("forged").path("status").asInt()).isEqualTo(401);
        assertThat(r.path("forged").path("type").asString()).isEqualTo("AuthError");
        // tenant isolation: a tenant-A token does not get tenant B's channels signed
        for (String refusal : List.of("otherTenant", "otherTenantPresence")) {
            assertThat(r.path(refusal).path("status").asInt()).as(refusal).isEqualTo(403);
            assertThat(r.path(refusal).path("type").asString()).as(refusal).isEqualTo("AuthError");
        }
        assertThat(r.path("authEndpoint").path("status").asInt()).isEqualTo(403);
        assertThat(r.path("authEndpoint").path("body").path("detail").asString()).contains("another tenant");
        // the HTTP API through the pusher SDK
        assertThat(r.path("wrongSecret").path("status").asInt()).isEqualTo(401);
        assertThat(r.path("oversized").path("status").asInt()).isEqualTo(413);
        assertThat(r.path("withinLimit").path("status").asInt()).isEqualTo(200);
        // the WebSocket: pusher:error then a close with the same code
        assertRefused(r.path("unknownKey"), 4001);
        assertThat(r.path("strangerError").path("error").path("data").path("code").asInt()).isEqualTo(4001);
        assertRefused(r.path("noProtocol"), 4008);
        assertRefused(r.path("oldProtocol"), 4007);
        assertThat(r.path("oversizedFrame").path("code").asInt()).isEqualTo(1009);
    }

    @Test
    void theMetricsPortCountsConnectionsMessagesAndRejectsPerApp() throws Exception {
        String app = "app_id=\"" + apps.primary().id() + "\"";
        String apiAuth = "reason=\"api_auth\"";
        try (var script = NodeScripts.start("listen.mjs", env(tenant, "CHANNEL", privateChannel("metrics"),
                "EVENTS", "done"), SCRIPT_TIMEOUT)) {
            script.awaitLine(line -> line.path("ready").asBoolean());
            double rejectsBefore = metric(get(endpoint.metricsPort(), "/metrics"), "wificore_realtime_rejects_total",
                    app, apiAuth);
            var unsigned = http.send(request(endpoint.port(), "/apps/" + apps.primary().id() + "/channels?auth_key="
                    + apps.primary().key() + "&auth_timestamp=" + System.currentTimeMillis() / 1000
                    + "&auth_signature=00"), BodyHandlers.ofString());
            assertThat(unsigned.statusCode()).isEqualTo(401);

            String metrics = get(endpoint.metricsPort(), "/metrics");
            assertThat(metric(metrics, "wificore_realtime_connections", app)).isGreaterThanOrEqualTo(1);
            assertThat(metric(metrics, "wificore_realtime_subscriptions", app)).isGreaterThanOrEqualTo(1);
            assertThat(metric(metrics, "wificore_realtime_messages_received_total", app)).isGreaterThanOrEqualTo(1);
            assertThat(metric(metrics, "wificore_realtime_rejects_total", app, apiAuth)).isEqualTo(rejectsBefore + 1);
            publisher.publish(tenantId(tenant), "metrics", "done", Map.of());
            script.await().requireOk();
        }
        assertThat(metric(get(endpoint.metricsPort(), "/metrics"), "wificore_realtime_messages_sent_total", app))
                .isGreaterThanOrEqualTo(1);
    }

    private final HttpClient http = HttpClient.newHttpClient();

    private static HttpRequest request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
    }

    private String get(int port, String path) throws Exception {
        var response = http.send(request(port, path), BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** The sum of the samples {@code name{...}} whose labels include all {@code labels} (0 when none). */
    static double metric(String scrape, String name, String... labels) {
        return scrape.lines().filter(l -> l.startsWith(name + "{"))
                .filter(l -> Arrays.stream(labels).allMatch(l::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    static void assertRefused(JsonNode refusal, int code) {
        assertThat(refusal.path("error").path("code").asInt()).as(refusal.toString()).isEqualTo(code);
        assertThat(refusal.path("close").path("code").asInt()).as(refusal.toString()).isEqualTo(code);
    }

    private static TenantId tenantId(TestTenant tenant) {
        return new TenantId(UUID.fromString(tenant.id()));
    }
}
