package com.traidnet.wificore.partition;

import java.time.Instant;
import java.util.List;

/**
 * One managed table in one schema after a pass (or, in a dry run, what the pass would do).
 *
 * @param tenant          the tenant's slug, or {@code platform} for tables in {@code public}
 * @param state           {@code ok}, {@code error} (a step failed; the next run retries it) or
 *                        {@code missing} (the table does not exist there, or is not range-partitioned)
 * @param created         partitions created (planned, in a dry run)
 * @param retired         partitions dropped, detached or dumped (planned, in a dry run)
 * @param rowsMoved       rows moved out of the default partition
 * @param partitionCount  partitions besides the default one, afterwards
 * @param oldestPartition the partition that starts first, afterwards
 * @param newestPartition the partition that ends last, afterwards
 * @param rowsInDefault   rows left in the default partition
 * @param warnings        what the plan left alone and why
 * @param error           the first error of this pass, if any
 */
public record TableReport(String tenant, String schema, String table, String state, List<String> created,
                          List<String> retired, long rowsMoved, int partitionCount, String oldestPartition,
                          Instant oldestFrom, String newestPartition, Instant newestTo, long rowsInDefault,
                          List<String> warnings, String error) {

    public static final String OK = "ok";
    public static final String ERROR = "error";
    public static final String MISSING = "missing";

    public TableReport {
        created = List.copyOf(created);
        retired = List.copyOf(retired);
        warnings = List.copyOf(warnings);
    }

    /** Whether this pass changed (or, dry, would change) anything. */
    public boolean changed() {
        return !created.isEmpty() || !retired.isEmpty() || rowsMoved > 0;
    }
}
