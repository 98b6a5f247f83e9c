package com.traidnet.wificore.partition;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The partition plan as a pure function: the table's settings, today (a date in the configured
 * zone) and what exists in, the steps out. No clock, no database, so every calendar case —
 * month and year ends, leap days, 23- and 25-hour days where the zone has daylight saving —
 * is a unit test.
 * <ul>
 *   <li>Days today … today + premake get a partition {@code <table>_pYYYYMMDD} covering
 *       {@code [start of day, start of next day)} in the zone.</li>
 *   <li>Days the default partition holds rows of get one too (their rows move), except days
 *       more than {@value #MAX_DAYS_AHEAD} days ahead (a NAS with a wild clock): those rows stay
 *       in the default partition and are reported.</li>
 *   <li>A day whose range is already exactly covered is done; one that overlaps a partition with
 *       other bounds (the zone was changed, or someone attached a month by hand) is left alone,
 *       with a warning, rather than failing the run.</li>
 *   <li>Partitions named like ours that end at or before the start of today − retention are
 *       retired; any other partition is never touched. With {@code keep=dump}, tables named like
 *       ours of such days that are no longer attached are retired too: a dump that was
 *       interrupted after the detach.</li>
 * </ul>
 */
final class PartitionPlanner {

    static final int MAX_DAYS_AHEAD = 366;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private PartitionPlanner() {
    }

    static Plan plan(ManagedTable table, ZoneId zone, LocalDate today, TableState state) {
        List<String> warnings = new ArrayList<>();
        long left = 0;
        var wanted = new TreeSet<LocalDate>();
        for (int i = 0; i <= table.premakeDays(); i++) {
            wanted.add(today.plusDays(i));
        }
        LocalDate horizon = today.plusDays(MAX_DAYS_AHEAD);
        for (Map.Entry<LocalDate, Long> day : state.defaultRowsByDay().entrySet()) {
            if (day.getKey().isAfter(horizon)) {
                left += day.getValue();
                warnings.add(day.getValue() + " row(s) dated " + day.getKey() + " stay in the default partition:"
                        + " more than " + MAX_DAYS_AHEAD + " days ahead");
            } else {
                wanted.add(day.getKey());
            }
        }
        List<Plan.Create> creates = new ArrayList<>();
        for (LocalDate day : creationOrder(wanted, today)) {
            long rows = state.defaultRowsByDay().getOrDefault(day, 0L);
            Instant from = startOf(day, zone);
            Instant to = startOf(day.plusDays(1), zone);
            String name = partitionName(table.table(), day);
            if (state.partitions().stream().anyMatch(p -> from.equals(p.from()) && to.equals(p.to()))) {
                continue;
            }
            Optional<Partition> clash = state.partitions().stream()
                    .filter(p -> p.overlaps(from, to) || p.name().equals(name)).findFirst();
            if (clash.isPresent()) {
                left += rows;
                warnings.add(name + " [" + from + ", " + to + ") not created: it clashes with partition "
                        + clash.get().name() + " [" + clash.get().from() + ", " + clash.get().to() + ")");
                continue;
            }
            creates.add(new Plan.Create(name, day, from, to, rows));
        }
        return new Plan(creates, retires(table, zone, today, state, creates), warnings, left);
    }

    /** Today and the days ahead first, ascending; then earlier days, newest first. */
    private static List<LocalDate> creationOrder(TreeSet<LocalDate> days, LocalDate today) {
        List<LocalDate> order = new ArrayList<>(days.tailSet(today, true));
        order.addAll(days.headSet(today, false).descendingSet());
        return order;
    }

    private static List<Plan.Retire> retires(ManagedTable table, ZoneId zone, LocalDate today, TableState state,
                                             List<Plan.Create> creates) {
        Instant cutoff = startOf(today.minusDays(table.retentionDays()), zone);
        Pattern ours = ownName(table.table());
        List<Plan.Retire> retires = new ArrayList<>();
        for (Partition p : state.partitions()) {
            if (p.hasBounds() && ours.matcher(p.name()).matches() && !p.to().isAfter(cutoff)) {
                retires.add(new Plan.Retire(p.name(), p.from(), p.to()));
            }
        }
        if (table.keep() == KeepMode.DUMP) {
            LocalDate lastRetired = today.minusDays(table.retentionDays() + 1L);
            for (String name : state.detached()) {
                if (ours.matcher(name).matches() && !dayOf(name).isAfter(lastRetired)) {
                    retires.add(new Plan.Retire(name, null, null));
                }
            }
        }
        for (Plan.Create c : creates) {
            if (!c.to().isAfter(cutoff)) { // old rows moved out of the default partition, then retired like the rest
                retires.add(new Plan.Retire(c.name(), c.from(), c.to()));
            }
        }
        retires.sort(Comparator.comparing(Plan.Retire::name));
        return retires;
    }

    static String partitionName(String table, LocalDate day) {
        return table + "_p" + DAY.format(day);
    }

    /** The day in a name made by {@link #partitionName}. */
    static LocalDate dayOf(String partitionName) {
        return LocalDate.parse(partitionName.substring(partitionName.length() - 8), DAY);
    }

    static Pattern ownName(String table) {
        return Pattern.compile(Pattern.quote(table) + "_p\\d{8}");
    }

    static Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }
}
