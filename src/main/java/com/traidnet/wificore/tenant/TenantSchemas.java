package com.traidnet.wificore.tenant;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-process knowledge about tenant schemas: the schema of each tenant (immutable once
 * created, so safe to cache) and which tenants are unavailable because their last
 * migration failed (they are reported, and the others keep being served).
 */
@Component
class TenantSchemas {

    private final Map<TenantId, String> schemaByTenant = new ConcurrentHashMap<>();
    private final Map<TenantId, String> failedMigrations = new ConcurrentHashMap<>();

    Optional<String> schemaOf(TenantId tenant) {
        return Optional.ofNullable(schemaByTenant.get(tenant));
    }

    void remember(TenantId tenant, String schema) {
        schemaByTenant.put(tenant, TenantSlug.requireSchemaName(schema));
    }

    void forget(TenantId tenant) {
        schemaByTenant.remove(tenant);
        failedMigrations.remove(tenant);
    }

    void migrationFailed(TenantId tenant, String error) {
        failedMigrations.put(tenant, error);
    }

    void migrationSucceeded(TenantId tenant) {
        failedMigrations.remove(tenant);
    }

    int failedCount() {
        return failedMigrations.size();
    }

    boolean isUnavailable(TenantId tenant) {
        return failedMigrations.containsKey(tenant);
    }
}
