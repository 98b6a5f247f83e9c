package com.traidnet.wificore.partition;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The outcome of one maintenance pass.
 *
 * @param outcome   {@code COMPLETED}, or {@code SKIPPED} when another node or process holds the
 *                  maintenance lock (it does the work)
 * @param runId     the row in {@code partition_runs}; 0 when nothing was recorded (dry run, skipped)
 * @param day       "today" in the configured zone, the day the plan was made for
 * @param tables    one report per managed table per schema
 */
public record MaintenanceReport(Outcome outcome, long runId, boolean dryRun, LocalDate day, Instant startedAt,
                                Duration took, List<TableReport> tables) {

    public MaintenanceReport {
        tables = List.copyOf(tables);
    }

    static MaintenanceReport skipped(boolean dryRun, LocalDate day, Instant at) {
        return new MaintenanceReport(Outcome.SKIPPED, 0, dryRun, day, at, Duration.ZERO, List.of());
    }

    public int created() {
        return tables.stream().mapToInt(t -> t.created().size()).sum();
    }

    public int retired() {
        return tables.stream().mapToInt(t -> t.retired().size()).sum();
    }

    public long rowsMoved() {
        return tables.stream().mapToLong(TableReport::rowsMoved).sum();
    }

    public long rowsInDefault() {
        return tables.stream().mapToLong(TableReport::rowsInDefault).sum();
    }

    public int errors() {
        return (int) tables.stream().filter(t -> TableReport.ERROR.equals(t.state())).count();
    }

    public enum Outcome {
        COMPLETED, SKIPPED
    }
}
