package com.traidnet.wificore.tenant;

import java.util.Objects;
import java.util.UUID;

/** A tenant's identity; also the value of the {@code app.tenant_id} row-level-security setting. */
public record TenantId(UUID value) {

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
    }

    public static TenantId random() {
        return new TenantId(UUID.randomUUID());
    }

    /** Parses a tenant id, or returns null when {@code text} is not a UUID. */
    public static TenantId parseOrNull(String text) {
        try {
            return text == null ? null : new TenantId(UUID.fromString(text.trim()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
