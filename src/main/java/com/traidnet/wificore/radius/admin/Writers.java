package com.traidnet.wificore.radius.admin;

/** Who may change RADIUS data: everyone but viewers (read-only tokens are refused earlier, in identity). */
final class Writers {

    static final String ROLES = "hasAnyRole('tenant_admin','operator','platform_admin')";

    private Writers() {
    }
}
