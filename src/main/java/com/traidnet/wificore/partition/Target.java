package com.traidnet.wificore.partition;

import com.traidnet.wificore.tenant.TenantId;

import java.util.regex.Pattern;

/**
 * A schema maintenance works in: a tenant's {@code ts_<slug>}, or {@code public} for the
 * platform's own tables (then tenant and slug are null). Schema names reach SQL text, so they are
 * checked here once more, whatever their source.
 */
record Target(TenantId tenant, String slug, String schema) {

    static final Target PLATFORM = new Target(null, null, "public");
    private static final Pattern TENANT_SCHEMA = Pattern.compile("^ts_[a-z][a-z0-9_]{2,39}$");

    Target {
        if (tenant == null ? !"public".equals(schema) : !TENANT_SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a schema maintenance works in: " + schema);
        }
    }

    boolean platform() {
        return tenant == null;
    }

    SchemaKind kind() {
        return platform() ? SchemaKind.PLATFORM : SchemaKind.TENANT;
    }

    /** What the status and the CLI call it: the tenant's slug, or {@code platform}. */
    String label() {
        return platform() ? "platform" : slug;
    }

    String archiveSchema(String archive) {
        return platform() ? archive : archive + "_" + slug;
    }
}
