package com.traidnet.wificore.tenant;

import java.util.Optional;

/**
 * Implemented by authenticated principals: the tenant they belong to (empty for platform
 * admins) and whether they may act on any tenant.
 */
public interface TenantScoped {
    Optional<TenantId> tenantId();

    boolean platformAdmin();
}
