package com.traidnet.wificore.tenant;

import java.time.Instant;
import java.util.UUID;

/** A tenant as the API shows it. */
record TenantView(UUID id, String slug, String name, String status, String schema, String schemaVersion,
                  String migrationError, Instant createdAt) {

    static TenantView of(Tenant t) {
        return new TenantView(t.id().value(), t.slug(), t.name(), t.status().dbValue(), t.schemaName(),
                t.schemaVersion(), t.migrationError(), t.createdAt());
    }
}
