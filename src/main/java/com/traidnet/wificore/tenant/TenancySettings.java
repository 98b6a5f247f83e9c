package com.traidnet.wificore.tenant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code wificore.tenancy.*}.
 *
 * @param migrationThreads tenant schemas migrated in parallel at start-up ({@code WIFICORE_TENANCY_MIGRATION_THREADS})
 */
@ConfigurationProperties("wificore.tenancy")
public record TenancySettings(@DefaultValue("4") int migrationThreads) {

    public TenancySettings {
        if (migrationThreads < 1 || migrationThreads > 64) {
            throw new IllegalArgumentException("wificore.tenancy.migration-threads must be 1..64");
        }
    }
}
