package com.traidnet.wificore.tenant;

import com.traidnet.wificore.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A tenant whose schema cannot be migrated is reported and fenced off; the others keep working. */
class TenantMigrationIT extends IntegrationTest {

    @Autowired
    TenantMigrationRun migrationRun;
    @Autowired
    JdbcClient sql;
    @Autowired
    TenantGateway gateway;
    @Autowired
    SchemaMigrations migrations;

    @Test
    void aFailedTenantMigrationIsReportedPerTenantAndOthersAreServed() {
        var broken = registerTenant("mig_bad");
        var healthy = registerTenant("mig_ok");
        // lose the broken tenant's history: Flyway will try V1 again and fail on existing tables
        sql.sql("drop table ts_" + broken.slug() + ".flyway_schema_history").update();

        migrationRun.migrateAll(true);

        String admin = platformAdminToken();
        var report = api().get("/api/platform/tenants/" + broken.id(), admin);
        assertThat(report.text("migrationError")).isNotBlank();
        assertThat(api().get("/api/platform/tenants/" + healthy.id(), admin).body().path("migrationError").isNull())
                .isTrue();

        var fenced = api().get("/api/tenant", broken.token());
        assertThat(fenced.status()).isEqualTo(503);
        assertThat(fenced.text("detail")).contains("migration failed");
        assertThat(api().get("/api/tenant", healthy.token()).status()).isEqualTo(200);

        // repaired (history back at V1) → the next run clears the error and serves the tenant again
        sql.sql("drop table if exists ts_" + broken.slug() + ".flyway_schema_history").update();
        sql.sql("create table ts_" + broken.slug() + ".flyway_schema_history as select * from ts_"
                + healthy.slug() + ".flyway_schema_history").update();
        migrationRun.migrateAll(true);
        assertThat(api().get("/api/tenant", broken.token()).status()).isEqualTo(200);
        assertThat(api().get("/api/platform/tenants/" + broken.id(), admin).body().path("migrationError").isNull())
                .isTrue();
    }

    @Test
    void startUpSkipsSchemasAlreadyAtTheNewestVersionAndMigratesTheRest() {
        var current = registerTenant("mig_cur");
        var behind = registerTenant("mig_old");
        // make "behind" look stale and "current" look fine but unmigratable: only "behind" may be touched
        sql.sql("drop table ts_" + current.slug() + ".flyway_schema_history").update();
        gateway.inPlatform(q -> q.sql("update tenants set schema_version = '0' where id = ?::uuid")
                .param(behind.id()).update());

        migrationRun.migrateAll(false);

        String admin = platformAdminToken();
        assertThat(api().get("/api/platform/tenants/" + behind.id(), admin).text("schemaVersion"))
                .as("migrated to the newest version").isEqualTo(migrations.latestTenantVersion());
        assertThat(api().get("/api/platform/tenants/" + current.id(), admin).body().path("migrationError").isNull())
                .as("skipped, so its missing history went unnoticed").isTrue();
        assertThat(api().get("/api/tenant", current.token()).status()).isEqualTo(200);
        // repair for other tests in this JVM
        sql.sql("create table ts_" + current.slug() + ".flyway_schema_history as select * from ts_"
                + behind.slug() + ".flyway_schema_history").update();
    }
}
