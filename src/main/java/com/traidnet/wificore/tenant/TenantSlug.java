package com.traidnet.wificore.tenant;

import com.traidnet.wificore.platform.ApiProblem;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A tenant's short name, which also names its schema ({@code ts_<slug>}). Validated here
 * so that a schema name built from it is always a safe SQL identifier.
 */
public record TenantSlug(String value) {

    private static final Pattern RULE = Pattern.compile("^[a-z][a-z0-9_]{2,39}$");
    private static final Pattern SCHEMA = Pattern.compile("^ts_[a-z][a-z0-9_]{2,39}$");
    static final Set<String> RESERVED = Set.of("admin", "administrator", "api", "app", "auth", "billing",
            "dashboard", "default", "help", "login", "logout", "mail", "platform", "portal", "public",
            "radius", "register", "root", "static", "status", "support", "system", "www", "wificore",
            "postgres", "template", "information_schema");

    public TenantSlug {
        if (value == null || !RULE.matcher(value).matches()) {
            throw ApiProblem.invalidField("slug",
                    "must be 3-40 characters: a lowercase letter, then lowercase letters, digits or '_'");
        }
        if (RESERVED.contains(value)) {
            throw ApiProblem.invalidField("slug", "'" + value + "' is reserved");
        }
    }

    public String schemaName() {
        return "ts_" + value;
    }

    /** Guards every place a schema name reaches SQL text. */
    static String requireSchemaName(String schema) {
        if (schema == null || !SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a tenant schema name: " + schema);
        }
        return schema;
    }
}
