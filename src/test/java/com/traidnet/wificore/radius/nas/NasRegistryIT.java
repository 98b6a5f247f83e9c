package com.traidnet.wificore.radius.nas;

import com.traidnet.wificore.support.Api;
import com.traidnet.wificore.support.IntegrationTest;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static com.traidnet.wificore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The NAS registry over HTTP, its secrets at rest, tenant isolation, and the in-memory directory. */
class NasRegistryIT extends IntegrationTest {

    private static final AtomicInteger NETS = new AtomicInteger(ThreadLocalRandom.current().nextInt(64 * 256));

    @Autowired
    NasDirectory directory;
    @Autowired
    TenantGateway gateway;

    @Test
    void createListGetReplaceAndDelete() {
        var t = registerTenant("nas_crud");
        String net = randomNet();
        var created = api().post("/api/nas", json("name", "Core router", "address", net + ".77/24",
                "secret", "first-secret", "description", "rack 3"), t.token());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("address")).isEqualTo(net + ".0/24");
        assertThat(created.text("type")).isEqualTo("mikrotik");
        assertThat(created.body().path("coaPort").asInt()).isEqualTo(3799);
        assertThat(created.body().path("requireMessageAuthenticator").asBoolean()).isTrue();
        assertThat(created.body().path("secretSet").asBoolean()).isTrue();
        assertThat(created.body().has("secret")).isFalse();
        String id = created.text("id");

        var v6 = api().post("/api/nas", json("name", "v6 edge", "address", "2001:DB8:0:" + rnd() + "::1",
                "secret", "v6-secret", "type", "cisco", "coaPort", 1700, "requireMessageAuthenticator", false),
                t.token());
        assertThat(v6.status()).as(v6.body().toString()).isEqualTo(201);
        assertThat(v6.text("address")).startsWith("2001:db8:0:").endsWith("::1");
        assertThat(v6.body().path("coaPort").asInt()).isEqualTo(1700);

        var all = api().get("/api/nas", t.token());
        assertThat(all.body().path("items")).hasSize(2);
        assertThat(all.body().path("items").get(0).path("name").asString()).isEqualTo("Core router");
        assertThat(api().get("/api/nas?q=CORE", t.token()).body().path("items")).hasSize(1);
        assertThat(api().get("/api/nas?q=" + net, t.token()).body().path("items").get(0).path("id").asString())
                .isEqualTo(id);
        assertThat(api().get("/api/nas?q=2001:db8", t.token()).body().path("items")).hasSize(1);
        var firstPage = api().get("/api/nas?size=1", t.token()).body();
        assertThat(firstPage.path("items")).hasSize(1);
        assertThat(firstPage.path("hasMore").asBoolean()).isTrue();
        assertThat(api().get("/api/nas/" + id, t.token()).text("description")).isEqualTo("rack 3");

        // PUT replaces; without a secret the secret is kept
        var replaced = api().send("PUT", "/api/nas/" + id, json("name", "Core router 2", "address", net + ".1",
                "type", "pfsense"), t.token(), Map.of());
        assertThat(replaced.status()).as(replaced.body().toString()).isEqualTo(200);
        assertThat(replaced.text("address")).isEqualTo(net + ".1");
        assertThat(replaced.text("type")).isEqualTo("pfsense");
        assertThat(replaced.body().path("description").isNull()).isTrue();
        assertThat(secretOf(id, t.token())).isEqualTo("first-secret");
        api().send("PUT", "/api/nas/" + id, json("name", "Core router 2", "address", net + ".1",
                "secret", "sécret-2 ✓"), t.token(), Map.of());
        assertThat(secretOf(id, t.token())).isEqualTo("sécret-2 ✓");

        assertThat(api().send("DELETE", "/api/nas/" + id, null, t.token(), Map.of()).status()).isEqualTo(204);
        assertThat(api().get("/api/nas/" + id, t.token()).status()).isEqualTo(404);
        assertThat(api().send("DELETE", "/api/nas/" + id, null, t.token(), Map.of()).status()).isEqualTo(404);
        assertThat(api().send("PUT", "/api/nas/" + id, json("name", "x", "address", net + ".1"), t.token(),
                Map.of()).status()).isEqualTo(404);
    }

    @Test
    void invalidFieldsAreProblemsNamingTheField() {
        var t = registerTenant("nas_bad");
        String net = randomNet();
        assertFieldError(t.token(), json("address", net + ".1", "secret", "s"), "name");
        assertFieldError(t.token(), json("name", "x".repeat(65), "address", net + ".1", "secret", "s"), "name");
        assertFieldError(t.token(), json("name", "n", "secret", "s"), "address");
        for (String garbage : List.of("router.example.com", "10.0.0.300", net + ".0/33", "2001:db8::/129",
                "fe80::1%eth0", "1.2.3.4/x")) {
            assertFieldError(t.token(), json("name", "n", "address", garbage, "secret", "s"), "address");
        }
        assertFieldError(t.token(), json("name", "n", "address", net + ".1"), "secret");
        assertFieldError(t.token(), json("name", "n", "address", net + ".1", "secret", ""), "secret");
        assertFieldError(t.token(), json("name", "n", "address", net + ".1", "secret", "é".repeat(65)), "secret");
        assertFieldError(t.token(), json("name", "n", "address", net + ".1", "secret", "s", "type", "juniper"), "type");
        assertFieldError(t.token(), json("name", "n", "address", net + ".1", "secret", "s", "coaPort", 0), "coaPort");
        assertFieldError(t.token(), json("name", "n", "address", net + ".1", "secret", "s", "coaPort", 65536),
                "coaPort");
        assertThat(api().post("/api/nas", json("name", "n", "address", net + ".1", "secret", "x".repeat(128)),
                t.token()).status()).isEqualTo(201);
        assertThat(api().get("/api/nas/not-a-uuid", t.token()).body().path("errors").get(0).path("field")
                .asString()).isEqualTo("id");
    }

    @Test
    void duplicatesInOneTenantConflictButOtherTenantsMayShareAnAddress() {
        var a = registerTenant("nas_dup_a");
        var b = registerTenant("nas_dup_b");
        String net = randomNet();
        assertThat(create(a.token(), "gw", net + ".1").status()).isEqualTo(201);
        var sameAddress = create(a.token(), "gw 2", net + ".1/32");
        assertThat(sameAddress.status()).isEqualTo(409);
        assertThat(sameAddress.contentType()).startsWith("application/problem+json");
        assertThat(sameAddress.text("detail")).contains("address");
        var sameName = create(a.token(), "gw", net + ".2");
        assertThat(sameName.status()).isEqualTo(409);
        assertThat(sameName.text("detail")).contains("named");

        String second = create(a.token(), "gw 2", net + ".2").text("id");
        assertThat(api().send("PUT", "/api/nas/" + second, json("name", "gw", "address", net + ".2"), a.token(),
                Map.of()).status()).isEqualTo(409);
        assertThat(api().send("PUT", "/api/nas/" + second, json("name", "gw 2", "address", net + ".1"), a.token(),
                Map.of()).status()).isEqualTo(409);

        assertThat(create(b.token(), "gw", net + ".1").status()).isEqualTo(201);
    }

    @Test
    void secretsAreEncryptedAtRestAndShownOnlyToAdmins() {
        var t = registerTenant("nas_sec");
        String secret = "plain-shared-secret-" + UUID.randomUUID();
        var created = api().post("/api/nas", json("name", "gw", "address", randomNet() + ".1", "secret", secret),
                t.token());
        String id = created.text("id");
        assertThat(created.raw().body()).doesNotContain(secret);
        assertThat(api().get("/api/nas", t.token()).raw().body()).doesNotContain(secret).contains("\"secretSet\":true");
        assertThat(api().get("/api/nas/" + id, t.token()).raw().body()).doesNotContain(secret);

        byte[] stored = gateway.inPlatform(sql -> sql.sql("select secret_ciphertext from nas_clients where id = ?")
                .param(UUID.fromString(id)).query(byte[].class).single());
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(secret)
                .doesNotContain("plain-shared-secret");
        assertThat(stored.length).isEqualTo(1 + 12 + secret.length() + 16);

        assertThat(secretOf(id, t.token())).isEqualTo(secret);
        String viewer = staff(t, "viewer");
        String operator = staff(t, "operator");
        assertThat(api().get("/api/nas/" + id + "/secret", viewer).status()).isEqualTo(403);
        assertThat(api().get("/api/nas/" + id + "/secret", operator).status()).isEqualTo(403);
        assertThat(api().get("/api/nas/" + id, viewer).status()).isEqualTo(200);

        String admin = platformAdminToken();
        var asPlatform = api().send("GET", "/api/nas/" + id + "/secret", null, admin, Map.of("X-Tenant", t.slug()));
        assertThat(asPlatform.text("secret")).isEqualTo(secret);
    }

    @Test
    void viewersAndReadOnlyTokensCannotWriteOperatorsCan() {
        var t = registerTenant("nas_roles");
        String net = randomNet();
        String viewer = staff(t, "viewer");
        String operator = staff(t, "operator");
        String readOnly = api().post("/api/auth/tokens", json("name", "dash", "abilities", List.of("read")),
                t.token()).text("token");

        assertThat(create(viewer, "v", net + ".1").status()).isEqualTo(403);
        assertThat(create(readOnly, "r", net + ".1").status()).isEqualTo(403);
        var byOperator = create(operator, "op", net + ".1");
        assertThat(byOperator.status()).isEqualTo(201);
        String id = byOperator.text("id");
        assertThat(api().send("PUT", "/api/nas/" + id, json("name", "v", "address", net + ".1"), viewer, Map.of())
                .status()).isEqualTo(403);
        assertThat(api().send("DELETE", "/api/nas/" + id, null, viewer, Map.of()).status()).isEqualTo(403);
        assertThat(api().send("DELETE", "/api/nas/" + id, null, readOnly, Map.of()).status()).isEqualTo(403);
        assertThat(api().get("/api/nas", viewer).body().path("items")).hasSize(1);
        assertThat(api().get("/api/nas", readOnly).body().path("items")).hasSize(1);
        assertThat(api().send("PUT", "/api/nas/" + id, json("name", "op 2", "address", net + ".1"), operator,
                Map.of()).status()).isEqualTo(200);

        String admin = platformAdminToken();
        assertThat(api().send("POST", "/api/nas", json("name", "pa", "address", net + ".2", "secret", "s"), admin,
                Map.of()).status()).isEqualTo(400); // no X-Tenant
        assertThat(api().send("POST", "/api/nas", json("name", "pa", "address", net + ".2", "secret", "s"), admin,
                Map.of("X-Tenant", t.id())).status()).isEqualTo(201);
        assertThat(api().send("DELETE", "/api/nas/" + id, null, operator, Map.of()).status()).isEqualTo(204);
    }

    @Test
    void anotherTenantCannotSeeOrChangeANas() {
        var a = registerTenant("nas_iso_a");
        var b = registerTenant("nas_iso_b");
        String net = randomNet();
        String id = create(a.token(), "victim", net + ".1").text("id");

        assertThat(api().get("/api/nas/" + id, b.token()).status()).isEqualTo(404);
        assertThat(api().get("/api/nas/" + id + "/secret", b.token()).status()).isEqualTo(404);
        assertThat(api().send("PUT", "/api/nas/" + id, json("name", "pwned", "address", net + ".9", "secret", "x"),
                b.token(), Map.of()).status()).isEqualTo(404);
        assertThat(api().send("DELETE", "/api/nas/" + id, null, b.token(), Map.of()).status()).isEqualTo(404);
        assertThat(api().get("/api/nas?q=" + net, b.token()).body().path("items")).isEmpty();
        assertThat(api().get("/api/nas", b.token()).raw().body()).doesNotContain(id);

        var unchanged = api().get("/api/nas/" + id, a.token());
        assertThat(unchanged.text("name")).isEqualTo("victim");
        assertThat(unchanged.text("address")).isEqualTo(net + ".1");
        assertThat(secretOf(id, a.token())).isEqualTo("s3cret");
    }

    @Test
    void theDirectoryFollowsChangesAndOffersEveryTenantAtASharedAddress() throws Exception {
        var a = registerTenant("nas_dir_a");
        var b = registerTenant("nas_dir_b");
        TenantId tenantA = new TenantId(UUID.fromString(a.id()));
        TenantId tenantB = new TenantId(UUID.fromString(b.id()));
        String net = randomNet();
        InetAddress host = InetAddress.getByName(net + ".10");

        UUID aRange = UUID.fromString(create(a.token(), "a range", net + ".0/24").text("id"));
        NasClient loaded = eventually(() -> directory.byId(aRange).orElse(null));
        assertThat(loaded.tenant()).isEqualTo(tenantA);
        assertThat(loaded.secret()).isEqualTo("s3cret".getBytes(StandardCharsets.UTF_8));
        assertThat(loaded.prefixLength()).isEqualTo(24);
        assertThat(directory.candidates(host)).extracting(NasClient::id).containsExactly(aRange);

        UUID aHost = UUID.fromString(create(a.token(), "a host", net + ".10").text("id"));
        UUID bHost = UUID.fromString(create(b.token(), "b host", net + ".10").text("id"));
        eventually(() -> directory.byId(aHost).isPresent() && directory.byId(bHost).isPresent() ? true : null);
        // one entry per tenant, its most specific; both tenants at the shared address
        assertThat(directory.candidates(host)).extracting(NasClient::id).containsExactlyInAnyOrder(aHost, bHost);
        assertThat(directory.candidates(host)).extracting(NasClient::tenant)
                .containsExactlyInAnyOrder(tenantA, tenantB);
        assertThat(directory.candidates(InetAddress.getByName(net + ".11"))).extracting(NasClient::id)
                .containsExactly(aRange);

        api().send("PUT", "/api/nas/" + bHost, json("name", "b host", "address", net + ".12", "secret", "new"),
                b.token(), Map.of());
        eventually(() -> directory.byId(bHost).filter(n -> n.address().equals(net + ".12")).orElse(null));
        assertThat(directory.byId(bHost).orElseThrow().secret()).isEqualTo("new".getBytes(StandardCharsets.UTF_8));
        assertThat(directory.candidates(host)).extracting(NasClient::id).containsExactly(aHost);

        api().send("DELETE", "/api/nas/" + aHost, null, a.token(), Map.of());
        eventually(() -> directory.byId(aHost).isEmpty() ? true : null);
        assertThat(directory.candidates(host)).extracting(NasClient::id).containsExactly(aRange);
    }

    private Api.Response create(String token, String name, String address) {
        return api().post("/api/nas", json("name", name, "address", address, "secret", "s3cret"), token);
    }

    private String secretOf(String id, String token) {
        var response = api().get("/api/nas/" + id + "/secret", token);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.text("secret");
    }

    private void assertFieldError(String token, Map<String, Object> body, String field) {
        var response = api().post("/api/nas", body, token);
        assertThat(response.status()).as(body + " → " + response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("errors").findValuesAsString("field")).as(body.toString()).contains(field);
    }

    private String staff(TestTenant t, String role) {
        String email = role + "@" + t.slug() + ".test";
        var added = api().post("/api/staff", json("email", email, "password", PASSWORD, "roles", List.of(role)),
                t.token());
        assertThat(added.status()).isEqualTo(201);
        return login(email, PASSWORD);
    }

    /** Polls up to 2 s: the directory reloads asynchronously after a change. */
    private static <T> T eventually(Supplier<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        T value = probe.get();
        while (value == null && System.nanoTime() < deadline) {
            Thread.sleep(20);
            value = probe.get();
        }
        assertThat(value).as("the NAS directory did not follow the change within 2 s").isNotNull();
        return value;
    }

    /** A /24 in 100.64.0.0/10 that no other test in this JVM uses (the directory holds every tenant's NAS). */
    private static String randomNet() {
        int n = NETS.getAndIncrement() % (64 * 256);
        return "100." + (64 + n / 256) + "." + (n % 256);
    }

    private static int rnd() {
        return ThreadLocalRandom.current().nextInt(256);
    }
}
