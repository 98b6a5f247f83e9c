package com.traidnet.wificore.tenant;

import com.traidnet.wificore.platform.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own tenant and its branding (kept in the tenant's schema). */
@RestController
@RequestMapping("/api/tenant")
@Tag(name = "Tenant")
class TenantController {

    private final CurrentTenant current;
    private final Tenants tenants;
    private final TenantGateway gateway;
    private final TenantZones zones;

    TenantController(CurrentTenant current, Tenants tenants, TenantGateway gateway, TenantZones zones) {
        this.current = current;
        this.tenants = tenants;
        this.gateway = gateway;
        this.zones = zones;
    }

    record Branding(@Size(max = 120) String displayName,
                    @Size(max = 500) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String logoUrl,
                    @Pattern(regexp = "^#[0-9a-fA-F]{6}$", message = "must be a colour like #1a2b3c") String primaryColor) {
    }

    /** The zone the tenant's days are counted in (reports, dashboard "today"). */
    record TimeZone(@jakarta.validation.constraints.NotBlank String timeZone) {
    }

    record TenantProfile(TenantView tenant, Branding branding, String timeZone) {
    }

    @GetMapping
    @Operation(summary = "The tenant you act on, with its branding")
    TenantProfile get() {
        TenantId id = current.require();
        Tenant tenant = tenants.find(id).orElseThrow(() -> ApiProblem.notFound("tenant " + id));
        return new TenantProfile(TenantView.of(tenant), branding(id), zones.of(id).getId());
    }

    @PutMapping("/time-zone")
    @PreAuthorize("hasAnyRole('tenant_admin','platform_admin')")
    @Operation(summary = "Change the time zone the tenant's days are counted in (e.g. Africa/Nairobi)")
    TimeZone updateTimeZone(@Valid @RequestBody TimeZone body) {
        return new TimeZone(zones.change(current.require(), body.timeZone()).getId());
    }

    @PutMapping("/branding")
    @PreAuthorize("hasAnyRole('tenant_admin','platform_admin')")
    @Operation(summary = "Change the tenant's branding (captive portal, app)")
    Branding updateBranding(@Valid @RequestBody Branding branding) {
        TenantId id = current.require();
        gateway.inTenant(id, sql -> sql.sql("""
                        insert into branding (id, display_name, logo_url, primary_color, updated_at)
                        values (true, ?, ?, ?, now())
                        on conflict (id) do update set display_name = excluded.display_name,
                          logo_url = excluded.logo_url, primary_color = excluded.primary_color, updated_at = now()""")
                .params(branding.displayName(), branding.logoUrl(), branding.primaryColor()).update());
        return branding(id);
    }

    private Branding branding(TenantId id) {
        return gateway.inTenant(id, sql -> sql.sql("select display_name, logo_url, primary_color from branding")
                .query((rs, n) -> new Branding(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional().orElse(new Branding(null, null, null)));
    }
}
