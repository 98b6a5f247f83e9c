package com.traidnet.wificore.partition;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** What {@code partitions status} prints: configuration, last run, totals per table, problems, catalog size. */
final class StatusPrinter {

    private static final int MAX_PROBLEMS = 50;

    private final PartitionMaintenance maintenance;
    private final PartitionStatusQueries queries;
    private final PrintStream out;

    StatusPrinter(PartitionMaintenance maintenance, PartitionStatusQueries queries, PrintStream out) {
        this.maintenance = maintenance;
        this.queries = queries;
        this.out = out;
    }

    int print(String tenant) {
        out.println("managed tables (days in " + maintenance.settings().zone().getId() + "):");
        maintenance.tables().forEach(t -> out.println("  " + t.line()));
        List<PartitionRun> last = queries.runs(0, 1);
        out.println("last run: " + (last.isEmpty() ? "never" : describe(last.getFirst())));
        if (tenant != null) {
            List<PartitionStatus> rows = queries.status(tenant, null, null, 0, 1000);
            if (rows.isEmpty()) {
                out.println("no status recorded for tenant '" + tenant + "' (not maintained yet, or no such tenant)");
            }
            rows.forEach(this::detail);
            return 0;
        }
        out.printf("%-20s %8s %11s %16s %7s %8s%n", "table", "schemas", "partitions", "rows in default", "errors",
                "missing");
        queries.totals().forEach(t -> out.printf("%-20s %8d %11d %16d %7d %8d%n", t.table(), t.schemas(),
                t.partitions(), t.rowsInDefault(), t.errors(), t.missing()));
        List<PartitionStatus> problems = queries.status(null, null, TableReport.ERROR, 0, MAX_PROBLEMS);
        problems.forEach(this::detail);
        Map<String, Long> catalog = queries.catalogSize();
        long schemas = catalog.get("tenantSchemas");
        long relations = catalog.get("tenantRelations");
        out.printf("catalog: %d tenant schema(s), %d relation(s) in them (%.1f per schema), pg_catalog %.1f MB%n",
                schemas, relations, schemas == 0 ? 0.0 : (double) relations / schemas,
                catalog.get("catalogBytes") / 1048576.0);
        return 0;
    }

    private void detail(PartitionStatus s) {
        out.printf("  %s %s: %s, %d partition(s) %s … %s, %d row(s) in default, last run %s%s%n", s.tenant(),
                s.table(), s.state(), s.partitionCount(), s.oldestPartition(), s.newestPartition(), s.rowsInDefault(),
                s.lastRunAt(), s.lastError() == null ? "" : ", ERROR " + s.lastError());
    }

    private static String describe(PartitionRun run) {
        return "#" + run.id() + " " + run.trigger() + " (" + run.scope() + ") started " + run.startedAt() + ", "
                + run.status() + ", " + run.tables() + " table(s), " + run.created() + " created, " + run.retired()
                + " retired, " + run.rowsMoved() + " row(s) moved, " + run.errors() + " error(s)"
                + (run.error() == null ? "" : ": " + run.error());
    }
}
