package com.traidnet.wificore.identity;

import com.traidnet.wificore.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.traidnet.wificore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationIT extends IntegrationTest {

    @Autowired
    JdbcClient sql;
    @Autowired
    com.traidnet.wificore.tenant.TenantGateway gateway;

    @Test
    void wrongPasswordAndUnknownAccountLookTheSame() {
        var tenant = registerTenant("auth");
        var wrong = api().post("/api/auth/login", json("email", tenant.adminEmail(), "password", "wrong password!"), null);
        var unknown = api().post("/api/auth/login", json("email", "nobody@nowhere.test", "password", "whatever12"), null);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.text("detail")).isEqualTo(unknown.text("detail"));
        assertThat(wrong.contentType()).startsWith("application/problem+json");
    }

    @Test
    void repeatedFailuresLockTheAccountWithRetryAfter() {
        var tenant = registerTenant("lock");
        for (int i = 0; i < 5; i++) {
            assertThat(api().post("/api/auth/login", json("email", tenant.adminEmail(), "password", "guess" + i + "xxxxx"),
                    null).status()).isEqualTo(401);
        }
        var locked = api().post("/api/auth/login", json("email", tenant.adminEmail(), "password", PASSWORD), null);
        assertThat(locked.status()).as("even the right password is refused while locked").isEqualTo(429);
        assertThat(locked.raw().headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void revokedAndExpiredTokensAreRefused() {
        var tenant = registerTenant("tok");
        String second = login(tenant.adminEmail(), PASSWORD);
        assertThat(api().post("/api/auth/logout", null, second).status()).isEqualTo(204);
        var afterLogout = api().get("/api/me", second);
        assertThat(afterLogout.status()).isEqualTo(401);
        assertThat(afterLogout.text("detail")).contains("revoked");

        var created = api().post("/api/auth/tokens", json("name", "short-lived", "expiresInMinutes", 5), tenant.token());
        assertThat(created.status()).isEqualTo(201);
        String expiring = created.text("token");
        assertThat(api().get("/api/me", expiring).status()).isEqualTo(200);
        assertThat(gateway.<Integer>inPlatform(q -> q.sql(
                        "update api_tokens set expires_at = now() - interval '1 second' where id = ?::uuid")
                .param(created.text("tokenId")).update())).isEqualTo(1);
        assertThat(api().get("/api/me", expiring).status()).isEqualTo(401);

        assertThat(api().get("/api/me", "wct_forged" + UUID.randomUUID()).status()).isEqualTo(401);
        assertThat(api().get("/api/me", null).status()).isEqualTo(401);
    }

    @Test
    void tokensAreListedAndRevocableOnlyByTheirOwner() {
        var a = registerTenant("own");
        var b = registerTenant("own");
        var tokenOfA = api().post("/api/auth/tokens", json("name", "dashboard", "abilities", List.of("read")), a.token());
        String idOfA = tokenOfA.text("tokenId");

        assertThat(api().send("DELETE", "/api/auth/tokens/" + idOfA, null, b.token(), Map.of()).status()).isEqualTo(404);
        assertThat(api().get("/api/auth/tokens", b.token()).body().toString()).doesNotContain(idOfA);
        assertThat(api().get("/api/auth/tokens", a.token()).body().toString()).contains(idOfA);

        String readOnly = tokenOfA.text("token");
        assertThat(api().get("/api/me", readOnly).status()).isEqualTo(200);
        assertThat(api().send("PUT", "/api/tenant/branding", json("displayName", "x"), readOnly, Map.of()).status())
                .isEqualTo(403);
        assertThat(api().send("DELETE", "/api/auth/tokens/" + idOfA, null, a.token(), Map.of()).status()).isEqualTo(204);
        assertThat(api().get("/api/me", readOnly).status()).isEqualTo(401);
    }

    @Test
    void staffChangeTheirOwnPasswordAndOtherTokensAreRevoked() {
        var tenant = registerTenant("pwd");
        String other = login(tenant.adminEmail(), PASSWORD);
        var wrong = api().send("PUT", "/api/me/password", json("currentPassword", "not it at all",
                "newPassword", "a brand new password"), tenant.token(), Map.of());
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body().path("errors").get(0).path("field").asString()).isEqualTo("currentPassword");

        assertThat(api().send("PUT", "/api/me/password", json("currentPassword", PASSWORD,
                "newPassword", "a brand new password"), tenant.token(), Map.of()).status()).isEqualTo(204);
        assertThat(api().get("/api/me", tenant.token()).status()).as("the token used stays valid").isEqualTo(200);
        assertThat(api().get("/api/me", other).status()).as("other tokens are revoked").isEqualTo(401);
        assertThat(api().post("/api/auth/login", json("email", tenant.adminEmail(), "password", PASSWORD), null)
                .status()).isEqualTo(401);
        assertThat(login(tenant.adminEmail(), "a brand new password")).isNotBlank();

        // the platform admin can change its generated password the same way
        String admin = platformAdminToken();
        assertThat(api().send("PUT", "/api/me/password", json("currentPassword", ADMIN_PASSWORD,
                "newPassword", ADMIN_PASSWORD), admin, Map.of()).status()).isEqualTo(204);
    }

    @Test
    void rolesLimitWhatStaffMayChange() {
        var tenant = registerTenant("roles");
        String email = "operator@" + tenant.slug() + ".test";
        assertThat(api().post("/api/staff", json("email", email, "password", PASSWORD, "roles", List.of("operator")),
                tenant.token()).status()).isEqualTo(201);
        String operator = login(email, PASSWORD);

        assertThat(api().get("/api/staff", operator).status()).isEqualTo(200);
        var refused = api().post("/api/staff", json("email", "x@" + tenant.slug() + ".test", "password", PASSWORD,
                "roles", List.of("tenant_admin")), operator);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(api().send("PUT", "/api/tenant/branding", json("displayName", "x"), operator, Map.of()).status())
                .isEqualTo(403);
        assertThat(api().get("/api/platform/tenants", operator).status()).isEqualTo(403);
    }

    @Test
    void aReadOnlyTokenCanStillSignOut() {
        var tenant = registerTenant("ro");
        String readOnly = api().post("/api/auth/tokens", json("name", "wallboard", "abilities", List.of("read")),
                tenant.token()).text("token");
        assertThat(api().post("/api/auth/logout", null, readOnly).status()).isEqualTo(204);
        assertThat(api().get("/api/me", readOnly).status()).isEqualTo(401);
    }

    @Test
    void tokensAndPasswordsAreStoredHashed() throws Exception {
        var tenant = registerTenant("hash");
        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(tenant.token().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        List<String> stored = gateway.inPlatform(q -> q.sql(
                        "select encode(token_hash, 'hex') from api_tokens where user_id = ?::uuid")
                .param(tenant.adminId()).query(String.class).list());
        assertThat(stored).contains(expected);
        String passwordHash = gateway.inPlatform(q -> q.sql("select password_hash from staff_users where id = ?::uuid")
                .param(tenant.adminId()).query(String.class).single());
        assertThat(passwordHash).startsWith("$argon2id$").doesNotContain(PASSWORD);

        // outside any gateway scope (a raw connection) row-level security shows nothing at all
        assertThat(sql.sql("select count(*) from api_tokens").query(Long.class).single()).isZero();
    }

    @Test
    void malformedOversizedAndUnknownRequestsGetProblemJson() {
        var malformed = api().post("/api/auth/login", "{\"email\": ", null);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.text("detail")).contains("malformed JSON");

        var huge = api().post("/api/register", "{\"tenantName\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}", null);
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.contentType()).startsWith("application/problem+json");

        var tenant = registerTenant("bad");
        var unknown = api().get("/api/no-such-thing", tenant.token());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.text("detail")).contains("no such endpoint");

        var badId = api().get("/api/staff/not-a-uuid", tenant.token());
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.body().path("errors").get(0).path("field").asString()).isEqualTo("id");

        var rejectedByFirewall = api().get("/api//double-slash", null);
        assertThat(rejectedByFirewall.status()).isEqualTo(400);
        assertThat(rejectedByFirewall.contentType()).startsWith("application/problem+json");

        var wrongType = api().send("POST", "/api/auth/login", "email=x", null, Map.of("Content-Type", "text/plain"));
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.contentType()).startsWith("application/problem+json");
    }

    @Test
    void openApiDocumentDescribesTheApi() {
        var doc = api().get("/api/openapi.json", null);
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.body().path("openapi").asString()).startsWith("3.");
        var paths = doc.body().path("paths");
        for (String path : List.of("/api/register", "/api/auth/login", "/api/me", "/api/platform/tenants",
                "/api/platform/tenants/{id}/suspend", "/api/staff", "/api/auth/tokens", "/health")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
    }

    @Test
    void healthAndReadiness() {
        var health = api().get("/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
        assertThat(api().get("/health/ready", null).body().path("checks").path("database").asString()).isEqualTo("UP");
        var metrics = api().get("/actuator/prometheus", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw().body()).contains("hikaricp_connections").contains("jvm_memory_used_bytes")
                .contains("http_server_requests").contains("wificore_tenants");
    }
}
