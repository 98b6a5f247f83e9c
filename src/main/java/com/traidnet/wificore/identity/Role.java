package com.traidnet.wificore.identity;

import com.traidnet.wificore.platform.ApiProblem;

import java.util.Arrays;

/** Staff roles. The API and the database use the lower-case names ({@code tenant_admin}). */
public enum Role {
    PLATFORM_ADMIN, TENANT_ADMIN, OPERATOR, VIEWER;

    public String id() {
        return name().toLowerCase();
    }

    /** Spring Security authority, so that {@code hasRole('tenant_admin')} works. */
    String authority() {
        return "ROLE_" + id();
    }

    public static Role of(String id) {
        return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> ApiProblem.invalidField("roles", "unknown role '" + id
                        + "' (known: platform_admin, tenant_admin, operator, viewer)"));
    }
}
