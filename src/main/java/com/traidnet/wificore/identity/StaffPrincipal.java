package com.traidnet.wificore.identity;

import com.traidnet.wificore.tenant.TenantId;
import com.traidnet.wificore.tenant.TenantScoped;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The authenticated staff member behind a request.
 *
 * @param tenant    null for platform admins
 * @param tokenId   the personal access token used, or null for a session cookie
 * @param abilities what the token allows ({@code *}, {@code read}, {@code write}); {@code *} for sessions
 */
public record StaffPrincipal(UUID userId, TenantId tenant, String email, Set<Role> roles,
                             Set<String> abilities, UUID tokenId) implements TenantScoped {

    @Override
    public Optional<TenantId> tenantId() {
        return Optional.ofNullable(tenant);
    }

    @Override
    public boolean platformAdmin() {
        return roles.contains(Role.PLATFORM_ADMIN);
    }

    /** Whether the credential allows changing things (tokens may be read-only). */
    boolean mayWrite() {
        return abilities.contains("*") || abilities.contains("write");
    }
}
