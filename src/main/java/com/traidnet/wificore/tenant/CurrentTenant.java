package com.traidnet.wificore.tenant;

import com.traidnet.wificore.platform.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The tenant an HTTP request acts on: the caller's own tenant, or — for a platform
 * admin — the tenant named explicitly in the {@value #HEADER} header (id or slug). A plain link
 * cannot send a header (a printable receipt, a CSV download), so on GET requests the
 * {@value #PARAMETER} query parameter names it too; a GET changes nothing, so the header's reason
 * to exist (an explicit, deliberate choice of tenant) is kept where it matters.
 */
@Component
public class CurrentTenant {

    public static final String HEADER = "X-Tenant";
    public static final String PARAMETER = "tenant";

    private final Tenants tenants;

    CurrentTenant(Tenants tenants) {
        this.tenants = tenants;
    }

    public TenantId require() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof TenantScoped caller)) {
            throw ApiProblem.unauthorized("authentication required");
        }
        if (caller.tenantId().isPresent()) {
            return caller.tenantId().get();
        }
        if (caller.platformAdmin()) {
            return fromHeader();
        }
        throw ApiProblem.forbidden("no tenant is associated with this account");
    }

    private TenantId fromHeader() {
        var attrs = (ServletRequestAttributes) RequestContextHolder.getRequestAttributes();
        HttpServletRequest request = attrs == null ? null : attrs.getRequest();
        String header = request == null ? null : request.getHeader(HEADER);
        String named = (header == null || header.isBlank()) && request != null && "GET".equals(request.getMethod())
                ? request.getParameter(PARAMETER) : header;
        if (named == null || named.isBlank()) {
            throw ApiProblem.invalidField(HEADER, "platform admins must name the tenant to act on in the "
                    + HEADER + " header (tenant id or slug; on a GET also as ?" + PARAMETER + "=)");
        }
        TenantId id = TenantId.parseOrNull(named);
        var tenant = id != null ? tenants.find(id) : tenants.findBySlug(named.trim());
        return tenant.orElseThrow(() -> ApiProblem.notFound("tenant '" + named + "'")).id();
    }
}
