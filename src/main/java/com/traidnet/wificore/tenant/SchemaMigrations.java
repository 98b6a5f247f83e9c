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

    SchemaMigrations(DataSource dataSource) {
        this.dataSource = dataSource;
        migratePlatform();
    }

    private void migratePlatform() {
        var result = configure("platform").schemas("public").defaultSchema("public").load().migrate();
        log.info("platform schema at version {} ({} migrations applied)", result.targetSchemaVersion,
                result.migrationsExecuted);
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
