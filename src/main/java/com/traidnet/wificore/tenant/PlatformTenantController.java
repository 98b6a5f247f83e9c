package com.traidnet.wificore.tenant;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.platform.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Platform admin: list, inspect, suspend and reactivate tenants (creation is in onboarding). */
@RestController
@RequestMapping("/api/platform/tenants")
@Tag(name = "Platform: tenants")
class PlatformTenantController {

    private final Tenants tenants;

    PlatformTenantController(Tenants tenants) {
        this.tenants = tenants;
    }

    @GetMapping
    @Operation(summary = "List tenants, optionally filtered by slug or name")
    Page<TenantView> list(@RequestParam(required = false) String q,
                          @RequestParam(defaultValue = "0") int page,
                          @RequestParam(defaultValue = "50") int size) {
        Page.Request request = Page.request(page, size);
        List<TenantView> items = tenants.list(q, request.offset(), request.limit()).stream().map(TenantView::of).toList();
        return request.of(items);
    }

    @GetMapping("/{id}")
    TenantView get(@PathVariable UUID id) {
        return TenantView.of(tenants.find(new TenantId(id)).orElseThrow(() -> ApiProblem.notFound("tenant " + id)));
    }

    @PostMapping("/{id}/suspend")
    @Operation(summary = "Suspend a tenant: its staff can no longer log in or use their tokens")
    TenantView suspend(@PathVariable UUID id) {
        return TenantView.of(tenants.changeStatus(new TenantId(id), TenantStatus.SUSPENDED));
    }

    @PostMapping("/{id}/reactivate")
    TenantView reactivate(@PathVariable UUID id) {
        return TenantView.of(tenants.changeStatus(new TenantId(id), TenantStatus.ACTIVE));
    }
}
