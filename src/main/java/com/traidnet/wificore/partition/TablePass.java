package com.traidnet.wificore.partition;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One table in one schema: plan, carry the plan out step by step, report. A step that fails
 * does not stop the others (each is independent); the first error is reported and the next run
 * tries again. Lock conflicts are retried a few times with a pause, then left for the next run.
 */
final class TablePass {

    private static final Logger log = LoggerFactory.getLogger(TablePass.class);
    private static final Set<String> LOCK_CONFLICTS = Set.of("55P03", "40P01"); // lock_not_available, deadlock

    private final PartitionExecutor executor;
    private final PartitionSettings settings;
    private final ApplicationEventPublisher events;

    TablePass(PartitionExecutor executor, PartitionSettings settings, ApplicationEventPublisher events) {
        this.executor = executor;
        this.settings = settings;
        this.events = events;
    }

    TableReport run(Target target, ManagedTable table, TableState state, LocalDate today, boolean dryRun) {
        if (state == null) {
            return new TableReport(target.label(), target.schema(), table.table(), TableReport.MISSING, List.of(),
                    List.of(), 0, 0, null, null, null, null, 0,
                    List.of(target.schema() + "." + table.table() + " does not exist or is not partitioned by range"),
                    null);
        }
        Plan plan = PartitionPlanner.plan(table, settings.zone(), today, state);
        if (dryRun) {
            long moves = plan.creates().stream().mapToLong(Plan.Create::rowsToMove).sum();
            return report(target, table, state, plan, plan.creates(), plan.retires(), moves, null);
        }
        List<Plan.Create> created = new ArrayList<>();
        List<Plan.Retire> retired = new ArrayList<>();
        Set<String> failed = new HashSet<>();
        long moved = 0;
        String error = null;
        for (Plan.Create step : plan.creates()) {
            try {
                long rows = withRetries(() -> executor.create(target.schema(), table, state.defaultPartition(), step,
                        settings.lockTimeout()));
                if (rows >= 0) {
                    created.add(step);
                    moved += rows;
                }
            } catch (RuntimeException e) {
                failed.add(step.name());
                error = error != null ? error : failure("create", target, step.name(), e);
            }
        }
        for (Plan.Retire step : plan.retires()) {
            if (failed.contains(step.name())) {
                continue;
            }
            try {
                if (withRetries(() -> executor.retire(target, table, step, settings.archiveSchema(),
                        settings.lockTimeout()))) {
                    retired.add(step);
                }
            } catch (RuntimeException e) {
                error = error != null ? error : failure(table.keep().word(), target, step.name(), e);
            }
        }
        if (!retired.isEmpty()) {
            announce(target, table, today);
        }
        return report(target, table, state, plan, created, retired, moved, error);
    }

    private void announce(Target target, ManagedTable table, LocalDate today) {
        try {
            events.publishEvent(new PartitionsRetired(target.tenant(), target.schema(), table.table(),
                    PartitionPlanner.startOf(today.minusDays(table.retentionDays()), settings.zone())));
        } catch (RuntimeException e) {
            log.warn("partitions: a PartitionsRetired listener failed for {}.{}: {}", target.schema(), table.table(),
                    rootMessage(e));
        }
    }

    private TableReport report(Target target, ManagedTable table, TableState state, Plan plan,
                               List<Plan.Create> created, List<Plan.Retire> retired, long moved, String error) {
        Set<String> gone = new HashSet<>(retired.stream().map(Plan.Retire::name).toList());
        List<Partition> after = new ArrayList<>(state.partitions().stream().filter(p -> !gone.contains(p.name())).toList());
        created.stream().filter(c -> !gone.contains(c.name()))
                .forEach(c -> after.add(new Partition(c.name(), c.from(), c.to())));
        List<Partition> bounded = after.stream().filter(Partition::hasBounds).toList();
        Partition oldest = bounded.stream().min(Comparator.comparing(Partition::from)).orElse(null);
        Partition newest = bounded.stream().max(Comparator.comparing(Partition::to)).orElse(null);
        return new TableReport(target.label(), target.schema(), table.table(),
                error == null ? TableReport.OK : TableReport.ERROR,
                created.stream().map(Plan.Create::name).toList(), retired.stream().map(Plan.Retire::name).toList(),
                moved, after.size(), oldest == null ? null : oldest.name(), oldest == null ? null : oldest.from(),
                newest == null ? null : newest.name(), newest == null ? null : newest.to(),
                Math.max(0, state.rowsInDefault() - moved), plan.warnings(), error);
    }

    private <T> T withRetries(Supplier<T> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.get();
            } catch (RuntimeException e) {
                if (attempt >= settings.lockAttempts() || !isLockConflict(e)) {
                    throw e;
                }
                pause(Duration.ofMillis(250L * attempt));
            }
        }
    }

    private static String failure(String what, Target target, String partition, RuntimeException e) {
        String message = rootMessage(e);
        log.warn("partitions: {} {}.{} failed: {}", what, target.schema(), partition, message);
        return what + " " + partition + ": " + message;
    }

    static boolean isLockConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && LOCK_CONFLICTS.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                root = t;
            }
        }
        String text = String.valueOf(root.getMessage());
        return text.lines().findFirst().orElse(text);
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
