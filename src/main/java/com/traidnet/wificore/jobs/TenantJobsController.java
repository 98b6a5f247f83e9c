package com.traidnet.wificore.jobs;

import com.traidnet.wificore.platform.Page;
import com.traidnet.wificore.tenant.CurrentTenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * A tenant's own background jobs (read-only). Runs in the tenant's gateway scope, so
 * row-level security — not a WHERE clause here — keeps other tenants' jobs out.
 */
@RestController
@RequestMapping("/api/jobs")
@Tag(name = "Jobs")
@PreAuthorize("hasAnyRole('tenant_admin','platform_admin')")
class TenantJobsController {

    private final JobsAdmin admin;
    private final CurrentTenant current;

    TenantJobsController(JobsAdmin admin, CurrentTenant current) {
        this.admin = admin;
        this.current = current;
    }

    @GetMapping
    @Operation(summary = "The tenant's jobs per queue: ready, scheduled, running, failed")
    List<QueueStatus> status() {
        return admin.status(current.require());
    }

    @GetMapping("/failed")
    @Operation(summary = "The tenant's dead jobs, newest first")
    Page<FailedJobView> failed(@RequestParam(required = false) String queue,
                               @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "50") int size) {
        Page.Request request = Page.request(page, size);
        return request.of(admin.failed(current.require(), queue, request.offset(), request.limit()));
    }
}
