package com.traidnet.wificore.support;

import com.traidnet.wificore.WifiCore;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static com.traidnet.wificore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of integration tests: the whole platform on a random HTTP port against the
 * per-JVM embedded PostgreSQL. Tests create their own tenants (unique slugs), so they
 * never depend on each other's data.
 */
@SpringBootTest(classes = WifiCore.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    public static final String ADMIN_EMAIL = "platform-admin@wificore.test";
    public static final String ADMIN_PASSWORD = "platform-admin-password";
    public static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        var db = TestDatabase.get();
        registry.add("wificore.db.url", db::jdbcUrl);
        registry.add("wificore.db.user", db::username);
        registry.add("wificore.db.password", db::password);
        // the generated secret key goes to the test's data directory, not ./data of the checkout
        registry.add("wificore.data.dir", () -> TestDatabase.dataDir().toString());
        registry.add("wificore.admin.email", () -> ADMIN_EMAIL);
        registry.add("wificore.admin.password", () -> ADMIN_PASSWORD);
        // every test client is 127.0.0.1: per-address limits are unit-tested, not tripped here
        registry.add("wificore.onboarding.registrations-per-hour", () -> "100000");
        registry.add("wificore.identity.max-failures-per-address", () -> "100000");
        // partition maintenance runs when a test says so (a background catch-up would race the tests)
        registry.add("wificore.partitions.catch-up", () -> "false");
        registry.add("wificore.partitions.cron", () -> "-");
        // any free UDP ports: several Spring contexts may live in one test JVM
        registry.add("wificore.radius.auth-port", () -> "0");
        registry.add("wificore.radius.acct-port", () -> "0");
        registry.add("wificore.realtime.port", () -> "0");
        registry.add("wificore.realtime.metrics-port", () -> "0");
    }

    protected Api api() {
        return new Api(port);
    }

    /** A tenant created through the public registration endpoint, with its admin signed in. */
    public record TestTenant(String id, String slug, String adminEmail, String adminId, String token) {
    }

    protected TestTenant registerTenant(String prefix) {
        String slug = uniqueSlug(prefix);
        String email = "admin@" + slug + ".test";
        var created = api().post("/api/register", json("tenantName", "Tenant " + slug, "slug", slug,
                "adminEmail", email, "adminPassword", PASSWORD), null);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String token = login(email, PASSWORD);
        return new TestTenant(created.text("id"), slug, email, created.body().path("admin").path("id").asString(),
                token);
    }

    protected String login(String email, String password) {
        var response = api().post("/api/auth/login", json("email", email, "password", password), null);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.text("token");
    }

    protected String platformAdminToken() {
        return login(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    protected static String uniqueSlug(String prefix) {
        return prefix + "_" + SEQUENCE.incrementAndGet() + "_" + UUID.randomUUID().toString().substring(0, 6);
    }
}
