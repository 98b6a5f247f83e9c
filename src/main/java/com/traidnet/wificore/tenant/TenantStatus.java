package com.traidnet.wificore.tenant;

/** Lifecycle of a tenant. {@code PROVISIONING} tenants are invisible until creation completes. */
public enum TenantStatus {
    PROVISIONING, ACTIVE, SUSPENDED;

    public String dbValue() {
        return name().toLowerCase();
    }

    static TenantStatus fromDb(String value) {
        return valueOf(value.toUpperCase());
    }
}
