package com.traidnet.wificore.onboarding;

import com.traidnet.wificore.identity.NewStaff;
import com.traidnet.wificore.identity.Role;
import com.traidnet.wificore.identity.StaffAccounts;
import com.traidnet.wificore.identity.StaffView;
import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.tenant.Tenant;
import com.traidnet.wificore.tenant.TenantSlug;
import com.traidnet.wificore.tenant.Tenants;
import org.springframework.stereotype.Service;

import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Creates a tenant, its schema and its first admin in one go: the path behind {@code POST /api/register}
 * and, through {@link #open}, the one operator commands (the demo seed) take, so their tenants are made
 * exactly like a signup's.
 */
@Service
public class Onboarding {

    private final Tenants tenants;
    private final StaffAccounts staff;

    Onboarding(Tenants tenants, StaffAccounts staff) {
        this.tenants = tenants;
        this.staff = staff;
    }

    record Created(Tenant tenant, StaffView admin) {
    }

    /**
     * Opens a tenant with its first {@code tenant_admin}, as a signup does (validation, schema, migrations,
     * {@code TenantCreated}); 409 problem if the slug or e-mail is taken.
     */
    public Tenant open(String tenantName, String slug, String adminEmail, String adminPassword) {
        return register(new TenantRegistration(tenantName, slug, adminEmail, adminPassword)).tenant();
    }

    Created register(TenantRegistration request) {
        var slug = new TenantSlug(request.slug());
        String name = request.tenantName() == null ? "" : request.tenantName().trim();
        if (name.isEmpty() || name.length() > 120) {
            throw ApiProblem.invalidField("tenantName", "must be 1-120 characters");
        }
        // hash before any transaction: it is the slow part and needs no database
        NewStaff admin = staff.prepare(request.adminEmail(), request.adminPassword(), name + " admin",
                EnumSet.of(Role.TENANT_ADMIN), "adminEmail", "adminPassword");
        var created = new AtomicReference<StaffView>();
        Tenant tenant = tenants.create(slug, name, id -> created.set(staff.addToNewTenant(id, admin)));
        return new Created(tenant, created.get());
    }
}
