package com.traidnet.wificore.tenant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code wificore.tenancy.*}.
 *
 * @param migrationThreads tenant schemas migrated in parallel at start-up ({@code WIFICORE_TENANCY_MIGRATIONTHREADS})
 * @param verifyOnStartup  run Flyway on every tenant schema at start-up, even those whose recorded
 *                         version is already the newest ({@code WIFICORE_TENANCY_VERIFYONSTARTUP})
 */
@ConfigurationProperties("wificore.tenancy")
public record TenancySettings(@DefaultValue("4") int migrationThreads, @DefaultValue("false") boolean verifyOnStartup) {

    public TenancySettings {
        if (migrationThreads < 1 || migrationThreads > 64) {
            throw new IllegalArgumentException("wificore.tenancy.migration-threads must be 1..64");
        }
    }
}
