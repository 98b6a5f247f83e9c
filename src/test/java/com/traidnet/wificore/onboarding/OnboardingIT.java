package com.traidnet.wificore.onboarding;

import com.traidnet.wificore.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.traidnet.wificore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

class OnboardingIT extends IntegrationTest {

    @Autowired
    JdbcClient sql;

    @Test
    void registeredTenantGetsSchemaAndAdminWhoCanSignIn() {
        var tenant = registerTenant("onb");

        var me = api().get("/api/me", tenant.token());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("email")).isEqualTo(tenant.adminEmail());
        assertThat(me.text("tenantId")).isEqualTo(tenant.id());
        assertThat(me.body().path("roles").toString()).isEqualTo("[\"tenant_admin\"]");
        assertThat(schemaExists("ts_" + tenant.slug())).isTrue();
        assertThat(sql.sql("select count(*) from ts_" + tenant.slug() + ".flyway_schema_history where success")
                .query(Integer.class).single()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void platformAdminCreatesListsSuspendsAndReactivates() {
        String admin = platformAdminToken();
        String slug = uniqueSlug("plat");
        var created = api().post("/api/platform/tenants", json("tenantName", "Kiosk Co", "slug", slug,
                "adminEmail", "owner@" + slug + ".test", "adminPassword", PASSWORD), admin);
        assertThat(created.status()).isEqualTo(201);
        String id = created.text("id");

        var listed = api().get("/api/platform/tenants?q=" + slug, admin);
        assertThat(listed.body().path("items").get(0).path("slug").asString()).isEqualTo(slug);

        String ownerToken = login("owner@" + slug + ".test", PASSWORD);
        assertThat(api().post("/api/platform/tenants/" + id + "/suspend", null, admin).text("status"))
                .isEqualTo("suspended");

        var refused = api().post("/api/auth/login", json("email", "owner@" + slug + ".test", "password", PASSWORD), null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("detail")).contains("suspended");
        assertThat(api().get("/api/me", ownerToken).status()).as("tokens stop working too").isEqualTo(401);

        assertThat(api().post("/api/platform/tenants/" + id + "/reactivate", null, admin).text("status"))
                .isEqualTo("active");
        assertThat(api().get("/api/me", ownerToken).status()).isEqualTo(200);
    }

    @Test
    void badSlugsAreRefusedNamingTheField() {
        for (String bad : new String[]{"ab", "1abc", "Abc", "has-dash", "x".repeat(41), "admin", "public"}) {
            var response = api().post("/api/register", json("tenantName", "T", "slug", bad,
                    "adminEmail", "a@" + "b.test", "adminPassword", PASSWORD), null);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body().path("errors").get(0).path("field").asString()).isEqualTo("slug");
        }
    }

    @Test
    void duplicateSlugIsAConflictAndLeavesTheFirstTenantIntact() {
        var first = registerTenant("dup");
        var again = api().post("/api/register", json("tenantName", "Other", "slug", first.slug(),
                "adminEmail", "someone-else@dup.test", "adminPassword", PASSWORD), null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("detail")).contains(first.slug());
        assertThat(api().get("/api/me", first.token()).status()).isEqualTo(200);
    }

    @Test
    void failureHalfWayLeavesNothingBehind() {
        var existing = registerTenant("half");
        String slug = uniqueSlug("half");
        // the admin e-mail is taken: schema creation succeeds, then the admin insert fails
        var response = api().post("/api/register", json("tenantName", "Half", "slug", slug,
                "adminEmail", existing.adminEmail(), "adminPassword", PASSWORD), null);
        assertThat(response.status()).isEqualTo(409);
        assertThat(schemaExists("ts_" + slug)).isFalse();
        assertThat(api().get("/api/platform/tenants?q=" + slug, platformAdminToken())
                .body().path("items").size()).isZero();
        // and the slug is free again
        var retry = api().post("/api/register", json("tenantName", "Half", "slug", slug,
                "adminEmail", "new@" + slug + ".test", "adminPassword", PASSWORD), null);
        assertThat(retry.status()).isEqualTo(201);
    }

    @Test
    void weakPasswordAndBadEmailNameTheirFields() {
        var weak = api().post("/api/register", json("tenantName", "T", "slug", uniqueSlug("weak"),
                "adminEmail", "a@weak.test", "adminPassword", "short"), null);
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body().path("errors").get(0).path("field").asString()).isEqualTo("adminPassword");

        var email = api().post("/api/register", json("tenantName", "T", "slug", uniqueSlug("mail"),
                "adminEmail", "not-an-email", "adminPassword", PASSWORD), null);
        assertThat(email.status()).isEqualTo(400);
        assertThat(email.body().path("errors").get(0).path("field").asString()).isEqualTo("adminEmail");

        var missing = api().post("/api/register", json("slug", uniqueSlug("miss")), null);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text("detail")).contains("tenantName").contains("adminEmail");
    }

    private boolean schemaExists(String schema) {
        return sql.sql("select exists (select 1 from pg_namespace where nspname = ?)").param(schema)
                .query(Boolean.class).single();
    }
}
