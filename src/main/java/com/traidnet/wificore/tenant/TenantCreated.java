package com.traidnet.wificore.tenant;

/**
 * A tenant was created: its row is active and its schema migrated (published after the commit,
 * on the creating thread). Listeners add what every tenant needs — e.g. its first day
 * partitions — and must not throw: the tenant exists whatever they do.
 */
public record TenantCreated(TenantId tenant, String slug, String schemaName) {
}
