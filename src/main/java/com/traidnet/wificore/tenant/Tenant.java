package com.traidnet.wificore.tenant;

import java.time.Instant;

/** What the platform knows about a tenant. */
public record Tenant(TenantId id, String slug, String name, String schemaName, TenantStatus status,
                     String schemaVersion, String migrationError, Instant createdAt) {
}
