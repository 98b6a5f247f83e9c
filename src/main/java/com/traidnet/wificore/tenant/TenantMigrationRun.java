package com.traidnet.wificore.tenant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.sql.Timestamp;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At start-up, before the platform serves requests: removes tenants left half-created by a
 * crash, then migrates every tenant schema with a bounded pool. A tenant whose migration
 * fails is recorded ({@code tenants.migration_error}) and made unavailable; the others
 * are served as usual.
 */
@Component
class TenantMigrationRun implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TenantMigrationRun.class);
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    private final TenantGateway gateway;
    private final SchemaMigrations migrations;
    private final TenantSchemas schemas;
    private final Tenants tenants;
    private final TenancySettings settings;
    private final Clock clock;

    TenantMigrationRun(TenantGateway gateway, SchemaMigrations migrations, TenantSchemas schemas,
                       Tenants tenants, TenancySettings settings, Clock clock) {
        this.gateway = gateway;
        this.migrations = migrations;
        this.schemas = schemas;
        this.tenants = tenants;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        sweepAbandoned();
        migrateAll(settings.verifyOnStartup());
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    void sweepAbandoned() {
        record Abandoned(TenantId id, String schema) {
        }
        List<Abandoned> abandoned = gateway.inPlatform(sql -> sql.sql(
                        "select id, schema_name from tenants where status = 'provisioning' and created_at < ?")
                .param(Timestamp.from(clock.instant().minus(ABANDONED_AFTER)))
                .query((rs, n) -> new Abandoned(new TenantId(rs.getObject(1, java.util.UUID.class)), rs.getString(2)))
                .list());
        abandoned.forEach(a -> tenants.discard(a.id(), a.schema()));
        if (!abandoned.isEmpty()) {
            log.warn("removed {} half-created tenant(s)", abandoned.size());
        }
    }

    /**
     * Migrates tenant schemas in parallel. Unless {@code everySchema}, a tenant whose
     * recorded version (written only after Flyway succeeded) is already the newest is
     * skipped: with thousands of tenants that turns start-up from one Flyway run per schema
     * into one query.
     */
    void migrateAll(boolean everySchema) {
        long started = System.nanoTime();
        String latest = migrations.latestTenantVersion();
        List<Tenant> all = gateway.inPlatform(sql -> sql.sql(
                "select * from tenants where status <> 'provisioning' order by created_at").query(Tenants.ROW).list());
        all.forEach(t -> schemas.remember(t.id(), t.schemaName()));
        List<Tenant> stale = everySchema ? all : all.stream()
                .filter(t -> !latest.equals(t.schemaVersion()) || t.migrationError() != null).toList();
        var failed = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(settings.migrationThreads())) {
            List<Future<?>> jobs = stale.stream().<Future<?>>map(t -> pool.submit(() -> {
                if (!migrate(t)) {
                    failed.incrementAndGet();
                }
            })).toList();
            for (Future<?> job : jobs) {
                job.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("tenant migration run was interrupted", e);
        }
        log.info("migrated {} of {} tenant schema(s) to version {} in {} ms with {} thread(s), {} failed",
                stale.size(), all.size(), latest, Duration.ofNanos(System.nanoTime() - started).toMillis(),
                settings.migrationThreads(), failed.get());
    }

    private boolean migrate(Tenant tenant) {
        try {
            String version = migrations.migrateTenant(tenant.schemaName());
            schemas.migrationSucceeded(tenant.id());
            if (!version.equals(tenant.schemaVersion()) || tenant.migrationError() != null) {
                record(tenant.id(), version, null);
            }
            return true;
        } catch (RuntimeException e) {
            String error = String.valueOf(e.getMessage()).lines().findFirst().orElse("migration failed");
            log.error("tenant {} ({}): schema migration failed: {}", tenant.slug(), tenant.schemaName(), error);
            schemas.migrationFailed(tenant.id(), error);
            record(tenant.id(), tenant.schemaVersion(), error);
            return false;
        }
    }

    private void record(TenantId id, String version, String error) {
        gateway.inPlatform(sql -> sql.sql("update tenants set schema_version = ?, migration_error = ? where id = ?")
                .params(version, error, id.value()).update());
    }
}
