package com.traidnet.wificore.partition;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.platform.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/** Platform admin: partition status per tenant and table, the run history, and a run on demand. */
@RestController
@RequestMapping("/api/platform/partitions")
@Tag(name = "Platform: partitions")
class PartitionController {

    private final PartitionStatusQueries queries;
    private final PartitionMaintenance maintenance;

    PartitionController(PartitionStatusQueries queries, PartitionMaintenance maintenance) {
        this.queries = queries;
        this.maintenance = maintenance;
    }

    @GetMapping
    @Operation(summary = "Per tenant and table: partitions, oldest/newest, rows in the default partition, last run,"
            + " last error; filter by tenant slug ('platform' for public), table, state (ok|error|missing)")
    Page<PartitionStatus> status(@RequestParam(required = false) String tenant,
                                 @RequestParam(required = false) String table,
                                 @RequestParam(required = false) String state,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "50") int size) {
        if (state != null && !List.of(TableReport.OK, TableReport.ERROR, TableReport.MISSING).contains(state)) {
            throw ApiProblem.invalidField("state", "must be ok, error or missing");
        }
        Page.Request request = Page.request(page, size);
        return request.of(queries.status(blankToNull(tenant), blankToNull(table), state, request.offset(),
                request.limit()));
    }

    @GetMapping("/runs")
    @Operation(summary = "Maintenance runs, newest first")
    Page<PartitionRun> runs(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Page.Request request = Page.request(page, size);
        return request.of(queries.runs(request.offset(), request.limit()));
    }

    /** What a run on demand answers: the totals, and only the tables it changed or failed on. */
    record RunSummary(String outcome, long runId, boolean dryRun, LocalDate day, long tookMs, int tables, int created,
                      int retired, long rowsMoved, int errors, List<TableReport> changed) {
    }

    @PostMapping("/maintain")
    @Operation(summary = "Run maintenance now (all tenants, or ?tenant=slug); ?dryRun=true only plans."
            + " Answers when done; outcome SKIPPED if another run holds the lock")
    RunSummary maintain(@RequestParam(required = false) String tenant,
                        @RequestParam(defaultValue = "false") boolean dryRun) {
        MaintenanceReport report;
        try {
            report = maintenance.maintain(new MaintenanceRequest(MaintenanceRequest.Trigger.API, blankToNull(tenant),
                    dryRun));
        } catch (IllegalArgumentException unknownTenant) {
            throw ApiProblem.notFound("tenant '" + tenant + "'");
        }
        return new RunSummary(report.outcome().name(), report.runId(), report.dryRun(), report.day(),
                report.took().toMillis(), report.tables().size(), report.created(), report.retired(),
                report.rowsMoved(), report.errors(),
                report.tables().stream().filter(t -> t.changed() || TableReport.ERROR.equals(t.state())).toList());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
