package com.traidnet.wificore.tenant;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/**
 * The two Flyway migration sets: {@code platform} for {@code public} and {@code tenant}
 * for every {@code ts_*} schema, each schema with its own history table.
 */
@Component
class SchemaMigrations {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

    private final DataSource dataSource;
    private volatile String latestTenantVersion;

    SchemaMigrations(DataSource dataSource) {
        this.dataSource = dataSource;
        migratePlatform();
    }

    private void migratePlatform() {
        var result = configure("platform").schemas("public").defaultSchema("public").load().migrate();
        log.info("platform schema at version {} ({} migrations applied)",
                result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                result.migrationsExecuted);
    }

    /**
     * The newest version in the tenant set, read once from the migration files' names. A
     * tenant whose recorded version equals it has nothing to migrate.
     */
    String latestTenantVersion() {
        if (latestTenantVersion == null) {
            try {
                var files = new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                        .getResources("classpath*:db/migration/tenant/V*__*.sql");
                latestTenantVersion = java.util.Arrays.stream(files)
                        .map(r -> r.getFilename().substring(1, r.getFilename().indexOf("__")))
                        .map(org.flywaydb.core.api.MigrationVersion::fromVersion)
                        .max(Comparable::compareTo)
                        .map(org.flywaydb.core.api.MigrationVersion::getVersion)
                        .orElseThrow(() -> new IllegalStateException("no tenant migrations on the classpath"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return latestTenantVersion;
    }

    /** Brings one tenant schema up to date, creating it if needed; returns its version. */
    String migrateTenant(String schema) {
        TenantSlug.requireSchemaName(schema);
        var result = configure("tenant").schemas(schema).defaultSchema(schema).createSchemas(true)
                .load().migrate();
        return result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
    }

    private FluentConfiguration configure(String set) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + set)
                .table("flyway_schema_history")
                .failOnMissingLocations(true)
                .loggers("slf4j");
    }
}
