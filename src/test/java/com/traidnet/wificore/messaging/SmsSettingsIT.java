package com.traidnet.wificore.messaging;

import com.sun.net.httpserver.HttpServer;
import com.traidnet.wificore.support.IntegrationTest;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static com.traidnet.wificore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A tenant's own SMS account (Settings → SMS): saved with its API key sealed and never shown, used for the
 * tenant's messages (a test message, a payment's credentials) over real HTTP to an Africa's Talking stand-in,
 * while another tenant keeps the platform's provider and never sees or uses the first one's settings.
 */
class SmsSettingsIT extends IntegrationTest {

    /** What the Africa's Talking stand-in received: the apiKey header and the form fields. */
    record Received(String apiKey, Map<String, String> form) {
    }

    static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    static final HttpServer AT = start();

    @Autowired
    TenantGateway gateway;

    static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/version1/messaging", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String key = exchange.getRequestHeaders().getFirst("apiKey");
                RECEIVED.add(new Received(key, Arrays.stream(body.split("&")).map(p -> p.split("=", 2))
                        .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)))));
                boolean refused = "bad-key".equals(key);
                byte[] answer = (refused ? "The supplied authentication is invalid"
                        : "{\"SMSMessageData\":{\"Recipients\":[{\"status\":\"Success\"}]}}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(refused ? 401 : 201, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void africasTalking(DynamicPropertyRegistry registry) {
        registry.add("wificore.sms.url", () -> "http://127.0.0.1:" + AT.getAddress().getPort() + "/version1/messaging");
    }

    @AfterAll
    static void stop() {
        AT.stop(0);
    }

    @Test
    void aTenantsOwnAccountCarriesItsMessagesAndNobodyElses() {
        TestTenant a = registerTenant("sms_a");
        TestTenant b = registerTenant("sms_b");
        assertThat(api().get("/api/messaging/sms", a.token()).text("provider")).isEqualTo("platform");

        var saved = api().send("PUT", "/api/messaging/sms", json("provider", "africastalking", "username", "acme",
                "sender", "ACME", "apiKey", "key-A-secret"), a.token(), Map.of());
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
        assertThat(saved.body().path("apiKeySet").asBoolean()).isTrue();
        assertThat(saved.body().toString()).doesNotContain("key-A-secret");
        byte[] sealed = gateway.inTenant(new TenantId(UUID.fromString(a.id())),
                sql -> sql.sql("select api_key_sealed from sms_settings").query(byte[].class).single());
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("key-A-secret");

        var test = api().post("/api/messaging/sms/test", json("to", "254712000111"), a.token());
        assertThat(test.status()).as(test.body().toString()).isEqualTo(200);
        assertThat(test.text("provider")).isEqualTo("africastalking");
        assertThat(RECEIVED).anySatisfy(r -> {
            assertThat(r.apiKey()).isEqualTo("key-A-secret");
            assertThat(r.form()).containsEntry("username", "acme").containsEntry("to", "+254712000111")
                    .containsEntry("from", "ACME");
        });

        // a payment's credentials go out the same way, after the settlement
        cash(a, pkg(a), "0712000222");
        await().atMost(Duration.ofSeconds(20)).until(() -> RECEIVED.stream().anyMatch(r ->
                "+254712000222".equals(r.form().get("to")) && r.form().get("message").contains("Password:")));

        // tenant B: still the platform's provider (the log); A's settings are neither shown to it nor used for it
        var other = api().get("/api/messaging/sms", b.token());
        assertThat(other.text("provider")).isEqualTo("platform");
        assertThat(other.body().path("username").isNull()).isTrue();
        cash(b, pkg(b), "0712000333");
        var barrier = api().post("/api/messaging/sms/test", json("to", "254712000444"), a.token());
        assertThat(barrier.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> RECEIVED.stream()
                .anyMatch(r -> "+254712000444".equals(r.form().get("to"))));
        assertThat(RECEIVED).noneMatch(r -> "+254712000333".equals(r.form().get("to")));
        // B's test cannot pretend: the platform has no provider here (the log adapter), so nothing would go out
        var logged = api().post("/api/messaging/sms/test", json("to", "0712 000 777"), b.token());
        assertThat(logged.status()).isEqualTo(409);
        assertThat(logged.body().path("detail").asString()).contains("no SMS provider set up");
        // a local number is taken in its international form
        var local = api().post("/api/messaging/sms/test", json("to", "0712 000 888"), a.token());
        assertThat(local.status()).as(local.body().toString()).isEqualTo(200);
        assertThat(local.text("to")).isEqualTo("254712000888");
    }

    @Test
    void badSettingsAndRefusalsAreProblems() {
        TestTenant a = registerTenant("sms_bad");
        problem(a, json("provider", "twilio"), "provider");
        problem(a, json("provider", "africastalking", "apiKey", "k"), "username");
        problem(a, json("provider", "africastalking", "username", "acme"), "apiKey");
        problem(a, json("provider", "africastalking", "username", "acme", "apiKey", "k", "sender",
                "MUCH-TOO-LONG-SENDER"), "sender");
        assertThat(api().post("/api/messaging/sms/test", json("to", "call me"), a.token()).status()).isEqualTo(400);

        String operator = "op@" + a.slug() + ".test";
        assertThat(api().post("/api/staff", json("email", operator, "password", PASSWORD, "roles",
                List.of("operator")), a.token()).status()).isEqualTo(201);
        assertThat(api().send("PUT", "/api/messaging/sms", json("provider", "off"), login(operator, PASSWORD),
                Map.of()).status()).isEqualTo(403);
        assertThat(api().get("/api/messaging/sms", null).status()).isEqualTo(401);

        // the provider refuses: a 502 that says so, and the settings stay as saved
        assertThat(api().send("PUT", "/api/messaging/sms", json("provider", "africastalking", "username", "acme",
                "apiKey", "bad-key"), a.token(), Map.of()).status()).isEqualTo(200);
        var refused = api().post("/api/messaging/sms/test", json("to", "254712000555"), a.token());
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("detail").asString()).contains("401");

        // off: nothing is sent, and switching back keeps the stored key
        assertThat(api().send("PUT", "/api/messaging/sms", json("provider", "off"), a.token(), Map.of())
                .body().path("apiKeySet").asBoolean()).isTrue();
        int before = RECEIVED.size();
        var off = api().post("/api/messaging/sms/test", json("to", "254712000666"), a.token());
        assertThat(off.status()).as("a test that sends nothing is not a success").isEqualTo(409);
        assertThat(off.body().path("detail").asString()).contains("SMS is off");
        assertThat(RECEIVED).hasSize(before);
        assertThat(api().send("PUT", "/api/messaging/sms", json("provider", "africastalking", "username", "acme2"),
                a.token(), Map.of()).status()).isEqualTo(200);
    }

    private void problem(TestTenant t, Object body, String field) {
        var response = api().send("PUT", "/api/messaging/sms", body, t.token(), Map.of());
        assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("detail").asString()).startsWith(field + ":");
    }

    private String pkg(TestTenant t) {
        var created = api().post("/api/packages", json("type", "hotspot", "name", "SMS hour", "price", 10,
                "durationValue", 1, "durationUnit", "hours", "uploadKbps", 512, "downloadKbps", 1024), t.token());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.text("id");
    }

    private void cash(TestTenant t, String packageId, String phone) {
        var paid = api().post("/api/payments/cash", json("amount", 10, "purpose", "HOTSPOT_PACKAGE",
                "reference", packageId, "phone", phone), t.token());
        assertThat(paid.status()).as(paid.body().toString()).isEqualTo(201);
        assertThat(paid.text("status")).isEqualTo("settled");
    }
}
