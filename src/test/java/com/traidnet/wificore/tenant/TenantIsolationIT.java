package com.traidnet.wificore.tenant;

import com.traidnet.wificore.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.traidnet.wificore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tenant A's staff can neither see nor change anything of tenant B, over HTTP or in SQL. */
class TenantIsolationIT extends IntegrationTest {

    @Autowired
    TenantGateway gateway;
    @Autowired
    JdbcClient sql;

    @Test
    void staffOfOneTenantCannotReachAnotherTenantsStaff() {
        var a = registerTenant("iso_a");
        var b = registerTenant("iso_b");
        var bOperator = api().post("/api/staff", json("email", "op@" + b.slug() + ".test", "password", PASSWORD,
                "roles", List.of("operator")), b.token());
        assertThat(bOperator.status()).isEqualTo(201);
        String victim = bOperator.text("id");

        assertThat(api().get("/api/staff/" + victim, a.token()).status()).isEqualTo(404);
        assertThat(api().get("/api/staff/" + b.adminId(), a.token()).status()).isEqualTo(404);
        assertThat(api().send("PATCH", "/api/staff/" + victim, json("status", "disabled"), a.token(), Map.of())
                .status()).isEqualTo(404);
        assertThat(api().send("PATCH", "/api/staff/" + victim, json("password", "takeover-password"), a.token(),
                Map.of()).status()).isEqualTo(404);
        assertThat(api().send("DELETE", "/api/staff/" + victim, null, a.token(), Map.of()).status()).isEqualTo(404);
        assertThat(api().get("/api/staff?size=200", a.token()).body().toString())
                .doesNotContain(b.slug()).contains(a.adminEmail());

        // B's operator is untouched and can still sign in
        assertThat(login("op@" + b.slug() + ".test", PASSWORD)).isNotBlank();
    }

    @Test
    void theTenantHeaderIsIgnoredForTenantStaffAndPlatformRoutesAreClosed() {
        var a = registerTenant("hdr_a");
        var b = registerTenant("hdr_b");
        var asB = api().send("GET", "/api/tenant", null, a.token(), Map.of("X-Tenant", b.id()));
        assertThat(asB.body().path("tenant").path("id").asString()).isEqualTo(a.id());
        var brandB = api().send("PUT", "/api/tenant/branding", json("displayName", "pwned"), a.token(),
                Map.of("X-Tenant", b.slug()));
        assertThat(brandB.status()).isEqualTo(200);
        assertThat(api().get("/api/tenant", b.token()).body().path("branding").path("displayName").isNull()).isTrue();

        assertThat(api().get("/api/platform/tenants", a.token()).status()).isEqualTo(403);
        assertThat(api().post("/api/platform/tenants/" + b.id() + "/suspend", null, a.token()).status()).isEqualTo(403);
        assertThat(api().post("/api/staff", json("email", "x@" + a.slug() + ".test", "password", PASSWORD,
                "roles", List.of("platform_admin")), a.token()).status()).isEqualTo(400);
    }

    @Test
    void platformAdminActsOnATenantOnlyWhenNamingIt() {
        var a = registerTenant("padm");
        String admin = platformAdminToken();
        var unnamed = api().get("/api/staff", admin);
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.text("detail")).contains("X-Tenant");
        var named = api().send("GET", "/api/staff", null, admin, Map.of("X-Tenant", a.slug()));
        assertThat(named.status()).isEqualTo(200);
        assertThat(named.body().toString()).contains(a.adminEmail());
    }

    @Test
    void rowLevelSecurityHidesOtherTenantsRowsWithoutAWhereClause() {
        var a = registerTenant("rls_a");
        var b = registerTenant("rls_b");
        TenantId idA = new TenantId(UUID.fromString(a.id()));
        UUID idB = UUID.fromString(b.id());

        List<UUID> tenantsSeen = gateway.inTenant(idA, q -> q.sql("select tenant_id from staff_users")
                .query(UUID.class).list());
        assertThat(tenantsSeen).isNotEmpty().containsOnly(idA.value());
        assertThat(gateway.<Long>inTenant(idA, q -> q.sql("select count(*) from staff_users where tenant_id = ?")
                .param(idB).query(Long.class).single())).isZero();
        assertThat(gateway.<Long>inTenant(idA, q -> q.sql("select count(*) from api_tokens where tenant_id = ?")
                .param(idB).query(Long.class).single())).isZero();
        assertThat(gateway.<java.util.List<UUID>>inTenant(idA, q -> q.sql("select id from tenants").query(UUID.class).list()))
                .containsExactly(idA.value());
        // writes are checked too: A's scope cannot move a row into B or change B's rows
        assertThat(gateway.<Integer>inTenant(idA, q -> q.sql("update staff_users set name = 'x' where tenant_id = ?")
                .param(idB).update())).isZero();
        assertThatThrownBy(() -> gateway.inTenant(idA, q -> q.sql("""
                        insert into staff_users (id, tenant_id, email, password_hash, roles)
                        values (gen_random_uuid(), ?, 'sneaky@x.test', 'x', '{operator}')""")
                .param(idB).update())).rootCause().hasMessageContaining("row-level security");

        // the tenant schema is the search path: unqualified names resolve to A's own tables
        assertThat(gateway.<String>inTenant(idA, q -> q.sql("select current_schema()").query(String.class).single()))
                .isEqualTo("ts_" + a.slug());

        // and with no scope at all (a raw connection), nothing is visible
        assertThat(sql.sql("select count(*) from staff_users").query(Long.class).single()).isZero();
    }

    @Test
    void mixingScopesInOneTransactionFailsFast() {
        var a = registerTenant("mix_a");
        var b = registerTenant("mix_b");
        TenantId idA = new TenantId(UUID.fromString(a.id()));
        TenantId idB = new TenantId(UUID.fromString(b.id()));
        assertThatThrownBy(() -> gateway.inTenant(idA, q -> gateway.inTenant(idB, inner -> 1)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(gateway.<Integer>inTenant(idA, q -> gateway.inTenant(idA, inner -> 1))).isEqualTo(1);
    }
}
