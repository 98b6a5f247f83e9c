package com.traidnet.wificore.jobs;

import com.traidnet.wificore.platform.CliCommand;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.util.List;
import java.util.UUID;

/** {@code jobs status | failed [--queue Q] [--limit N] | retry ID|--all [--queue Q]}. */
@Component
class JobsCommand implements CliCommand {

    private final JobsAdmin admin;

    JobsCommand(JobsAdmin admin) {
        this.admin = admin;
    }

    @Override
    public String name() {
        return "jobs";
    }

    @Override
    public String usage() {
        return """
                jobs status                               ready, scheduled, running and failed jobs per queue
                jobs failed [--queue Q] [--limit N]       the newest dead jobs (default 20)
                jobs retry ID | --all [--queue Q]         move dead jobs back into their queue""";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            CommandLine line = CommandLine.parse(args);
            return switch (line.verb()) {
                case "status" -> line.plain() ? status(out) : usageError(err, "status takes no arguments");
                case "failed" -> line.target() == null && !line.all() ? failed(line, out)
                        : usageError(err, "failed takes only --queue and --limit");
                case "retry" -> retry(line, out, err);
                default -> usageError(err, "unknown subcommand: " + line.verb());
            };
        } catch (IllegalArgumentException e) {
            return usageError(err, e.getMessage());
        }
    }

    private int status(PrintStream out) {
        List<QueueStatus> queues = admin.status(null);
        out.printf("%-24s %9s %9s %9s %9s  %s%n", "queue", "ready", "scheduled", "running", "failed", "oldest ready");
        for (QueueStatus q : queues) {
            out.printf("%-24s %9d %9d %9d %9d  %s%n", q.queue(), q.ready(), q.scheduled(), q.running(), q.failed(),
                    q.oldestReadySeconds() == null ? "-" : q.oldestReadySeconds() + " s");
        }
        if (queues.isEmpty()) {
            out.println("(no jobs)");
        }
        return 0;
    }

    private int failed(CommandLine line, PrintStream out) {
        List<FailedJobView> failed = admin.failed(null, line.queue(), 0, line.limit(20));
        for (FailedJobView f : failed) {
            out.printf("%s  %s  %-16s %s  attempts %d  %s%n      %s%n", f.id(), f.failedAt(), f.queue(), f.type(),
                    f.attempts(), f.tenantId() == null ? "platform" : "tenant " + f.tenantId(), firstLine(f.error()));
        }
        if (failed.isEmpty()) {
            out.println("(no failed jobs)");
        }
        return 0;
    }

    private int retry(CommandLine line, PrintStream out, PrintStream err) {
        if (line.all() && line.target() != null) {
            return usageError(err, "retry takes either an ID or --all");
        }
        if (line.all()) {
            out.println("re-enqueued " + admin.retryAll(line.queue()) + " failed job(s)");
            return 0;
        }
        if (line.target() == null || line.queue() != null) {
            return usageError(err, "retry takes a failed job's ID, or --all [--queue Q]");
        }
        UUID id;
        try {
            id = UUID.fromString(line.target());
        } catch (IllegalArgumentException e) {
            return usageError(err, "not a job id: " + line.target());
        }
        var retried = admin.retry(id);
        if (retried.isEmpty()) {
            err.println("no failed job " + id);
            return 1;
        }
        out.println("re-enqueued " + id + " as job " + retried.get().newId() + " on queue " + retried.get().queue());
        return 0;
    }

    private int usageError(PrintStream err, String message) {
        err.println(message);
        err.println("usage:");
        usage().lines().forEach(l -> err.println("  " + l));
        return 2;
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        String line = nl < 0 ? text : text.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /** The words after {@code jobs}. */
    private record CommandLine(String verb, String target, String queue, Integer limit, boolean all) {

        static CommandLine parse(List<String> args) {
            if (args.isEmpty()) {
                throw new IllegalArgumentException("missing subcommand");
            }
            String target = null;
            String queue = null;
            Integer limit = null;
            boolean all = false;
            for (int i = 1; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--all" -> all = true;
                    case "--queue" -> queue = value(args, ++i, a);
                    case "--limit" -> limit = positive(value(args, ++i, a));
                    default -> {
                        if (a.startsWith("--") || target != null) {
                            throw new IllegalArgumentException("unexpected argument: " + a);
                        }
                        target = a;
                    }
                }
            }
            return new CommandLine(args.getFirst(), target, queue, limit, all);
        }

        boolean plain() {
            return target == null && queue == null && limit == null && !all;
        }

        int limit(int fallback) {
            return limit == null ? fallback : limit;
        }

        private static String value(List<String> args, int i, String option) {
            if (i >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args.get(i);
        }

        private static int positive(String text) {
            try {
                int n = Integer.parseInt(text);
                if (n >= 1 && n <= 10_000) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new IllegalArgumentException("--limit must be 1..10000");
        }
    }
}
