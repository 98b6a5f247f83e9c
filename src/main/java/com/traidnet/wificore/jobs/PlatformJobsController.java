package com.traidnet.wificore.jobs;

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

/** Platform admin (the security rules close /api/platform/** to everyone else): the whole queue. */
@RestController
@RequestMapping("/api/platform/jobs")
@Tag(name = "Platform: jobs")
class PlatformJobsController {

    private static final int RECENT_FAILURES = 20;

    private final JobsAdmin admin;

    PlatformJobsController(JobsAdmin admin) {
        this.admin = admin;
    }

    record Overview(List<QueueStatus> queues, List<FailedJobView> recentFailures, List<ScheduleView> schedules) {
    }

    record RetryResult(UUID failedId, UUID id, String queue) {
    }

    @GetMapping
    @Operation(summary = "Per queue: ready, scheduled, running and failed jobs, oldest ready age; recent failures; recurring schedules")
    Overview overview() {
        return new Overview(admin.status(null), admin.failed(null, null, 0, RECENT_FAILURES), admin.schedules());
    }

    @GetMapping("/failed")
    @Operation(summary = "Dead jobs, newest first, optionally of one queue")
    Page<FailedJobView> failed(@RequestParam(required = false) String queue,
                               @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "50") int size) {
        Page.Request request = Page.request(page, size);
        return request.of(admin.failed(null, queue, request.offset(), request.limit()));
    }

    @PostMapping("/failed/{id}/retry")
    @Operation(summary = "Move a dead job back into its queue with fresh attempts (it gets a new id)")
    RetryResult retry(@PathVariable UUID id) {
        var retried = admin.retry(id).orElseThrow(() -> ApiProblem.notFound("failed job " + id));
        return new RetryResult(id, retried.newId().value(), retried.queue());
    }
}
