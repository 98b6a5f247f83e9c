package com.traidnet.wificore.water;

/** Who may change water data: everyone but viewers (read-only tokens are refused earlier, in identity). */
final class Writers {

    static final String ROLES = "hasAnyRole('tenant_admin','operator','platform_admin')";

    private Writers() {
    }
}
