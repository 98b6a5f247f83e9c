package com.traidnet.wificore.partition;

import com.traidnet.wificore.platform.CliCommand;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code partitions maintain [--tenant SLUG] [--dry-run]} and {@code partitions status [--tenant SLUG]}.
 * Exit codes: 0 done, 1 some table failed (see the output; the next run retries), 2 usage error,
 * 3 skipped because another run holds the maintenance lock.
 */
@Component
class PartitionsCommand implements CliCommand {

    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int SKIPPED = 3;

    private final PartitionMaintenance maintenance;
    private final PartitionStatusQueries queries;

    PartitionsCommand(PartitionMaintenance maintenance, PartitionStatusQueries queries) {
        this.maintenance = maintenance;
        this.queries = queries;
    }

    @Override
    public String name() {
        return "partitions";
    }

    @Override
    public String usage() {
        return """
                partitions maintain [--tenant SLUG] [--dry-run] [--as-of YYYY-MM-DD]
                                                  create, move and retire day partitions now
                partitions status [--tenant SLUG]                 partitions per table, problems, catalog size""";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("partitions: " + e.getMessage());
            err.println(usage());
            return USAGE;
        }
        try {
            return switch (options.verb()) {
                case "maintain" -> maintain(options, out);
                case "status" -> new StatusPrinter(maintenance, queries, out).print(options.tenant());
                default -> throw new IllegalStateException(options.verb());
            };
        } catch (IllegalArgumentException e) { // an unknown tenant, an --as-of later than today
            err.println("partitions: " + e.getMessage());
            return USAGE;
        }
    }

    private int maintain(Options options, PrintStream out) {
        MaintenanceReport report = maintenance.maintain(
                new MaintenanceRequest(MaintenanceRequest.Trigger.CLI, options.tenant(), options.dryRun(),
                        options.asOf()));
        if (report.outcome() == MaintenanceReport.Outcome.SKIPPED) {
            out.println("partitions maintain: skipped, another maintenance run holds the lock (it does the work)");
            return SKIPPED;
        }
        String verb = report.dryRun() ? "would create" : "created";
        out.printf("partitions maintain%s: day %s (%s), %d table(s) in %d ms: %d %s, %d %s, %d row(s) %s,"
                        + " %d error(s)%s%n", report.dryRun() ? " --dry-run" : "", report.day(),
                maintenance.settings().zone().getId(), report.tables().size(), report.took().toMillis(),
                report.created(), verb, report.retired(), report.dryRun() ? "would retire" : "retired",
                report.rowsMoved(), report.dryRun() ? "to move" : "moved", report.errors(),
                report.runId() > 0 ? " (run " + report.runId() + ")" : "");
        for (TableReport t : report.tables()) {
            List<String> parts = new ArrayList<>();
            if (!t.created().isEmpty()) {
                parts.add(verb + " " + span(t.created()));
            }
            if (!t.retired().isEmpty()) {
                parts.add((report.dryRun() ? "would retire " : "retired ") + span(t.retired()));
            }
            if (t.rowsMoved() > 0) {
                parts.add(t.rowsMoved() + " row(s) " + (report.dryRun() ? "to move" : "moved") + " from default");
            }
            t.warnings().stream().map(w -> TableReport.MISSING.equals(t.state()) ? "missing: " + w : w)
                    .forEach(parts::add);
            if (t.error() != null) {
                parts.add("ERROR " + t.error());
            }
            if (!parts.isEmpty()) {
                out.printf("  %s %s: %s%n", t.tenant(), t.table(), String.join("; ", parts));
            }
        }
        return report.errors() > 0 ? FAILED : 0;
    }

    /** {@code a} or {@code a … z (n)}: names are sorted by day, so the ends tell the range. */
    static String span(List<String> names) {
        return names.size() == 1 ? names.getFirst()
                : names.stream().sorted().findFirst().orElseThrow() + " … "
                        + names.stream().sorted().reduce((a, b) -> b).orElseThrow() + " (" + names.size() + ")";
    }

    record Options(String verb, String tenant, boolean dryRun, LocalDate asOf) {

        static Options parse(List<String> args) {
            if (args.isEmpty() || !List.of("maintain", "status").contains(args.getFirst())) {
                throw new IllegalArgumentException(args.isEmpty() ? "say maintain or status"
                        : "unknown subcommand '" + args.getFirst() + "'");
            }
            String tenant = null;
            boolean dryRun = false;
            LocalDate asOf = null;
            for (int i = 1; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--tenant" -> {
                        if (i + 1 >= args.size()) {
                            throw new IllegalArgumentException("--tenant needs a slug");
                        }
                        tenant = args.get(++i);
                    }
                    case "--dry-run" -> dryRun = true;
                    case "--as-of" -> {
                        if (i + 1 >= args.size()) {
                            throw new IllegalArgumentException("--as-of needs a date (YYYY-MM-DD)");
                        }
                        try {
                            asOf = LocalDate.parse(args.get(++i));
                        } catch (java.time.format.DateTimeParseException e) {
                            throw new IllegalArgumentException("--as-of needs a date (YYYY-MM-DD), not '"
                                    + args.get(i) + "'");
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option '" + args.get(i) + "'");
                }
            }
            if ((dryRun || asOf != null) && !args.getFirst().equals("maintain")) {
                throw new IllegalArgumentException("--dry-run and --as-of are for maintain");
            }
            return new Options(args.getFirst(), tenant, dryRun, asOf);
        }
    }
}
