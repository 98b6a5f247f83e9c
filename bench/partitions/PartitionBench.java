/*
 * Partition-maintenance benchmark for WifiCore. Single file, JDK only. Runs the operator
 * command `java -jar wificore.jar partitions …` against a platform that is already running on
 * --data (the command attaches to its embedded database), and reads the figures the command
 * prints itself ("… N table(s) in X ms: …", "catalog: …"), so JVM and Spring start-up are not
 * counted in the maintenance time (the whole process time is printed beside it).
 *
 *   java bench/partitions/PartitionBench.java --jar wificore.jar --data DIR --db-port 15472 \
 *        --tenants 1000 --results results.tsv [--java /path/to/java] [--threads 2]
 *   java bench/partitions/PartitionBench.java --report results.tsv
 *
 * The tenants must exist and have no partitions yet (the platform started with
 * WIFICORE_PARTITIONS_ONTENANTCREATION=false). Steps, with D = today (UTC):
 *   1. status                      catalog size before
 *   2. maintain --as-of D-1        first run: D-1 … D+6 for radacct and radpostauth (8 each)
 *   3. maintain --as-of D-1  (x2)  steady state: nothing to do
 *   4. status                      catalog size after
 *   5. maintain, retention=0       a day's roll-forward: creates D+7, retires D-1, per table
 *   6. maintain, retention=0       steady state again
 *
 * With --mode full-retention the tenants get what 90 days of retention means instead:
 *   1. maintain --as-of D-91, premake=97   D-91 … D+6: 98 partitions per table
 *   2. status                              catalog size
 *   3. maintain                            the day's roll-forward at full size: creates D+7, retires D-91
 *   4. maintain (x2)                       steady state at full size
 */
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class PartitionBench {

    static final Pattern MAINTAIN = Pattern.compile(
            "day (\\S+) \\(\\S+\\), (\\d+) table\\(s\\) in (\\d+) ms: (\\d+) created, (\\d+) retired, (\\d+) row\\(s\\) moved, (\\d+) error\\(s\\)");
    static final Pattern CATALOG = Pattern.compile(
            "catalog: (\\d+) tenant schema\\(s\\), (\\d+) relation\\(s\\) in them \\(([0-9.]+) per schema\\), pg_catalog ([0-9.]+) MB");
    static final String ROLL_TABLES = "tenant radacct acctstarttime retention=0,tenant radpostauth authdate retention=0,"
            + "platform jobs enqueued_at retention=0";

    record Maintained(long engineMs, long processMs, int tables, int created, int retired, int errors) {
        String text() {
            return String.format(Locale.ROOT, "%6d ms (process %5.1f s), %d tables, %d created, %d retired, %d errors",
                    engineMs, processMs / 1000.0, tables, created, retired, errors);
        }
    }

    record Catalog(long schemas, long relations, double perSchema, double catalogMb) {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            o.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        if (o.containsKey("report")) {
            report(Path.of(o.get("report")));
            return;
        }
        for (String required : List.of("jar", "data", "db-port", "tenants", "results")) {
            if (!o.containsKey(required)) {
                System.err.println("missing --" + required + " (see the comment at the top of this file)");
                System.exit(2);
            }
        }
        var bench = new PartitionBench(o.getOrDefault("java", "java"), o.get("jar"), o.get("data"), o.get("db-port"),
                o.getOrDefault("threads", "2"));
        int tenants = Integer.parseInt(o.get("tenants"));
        if ("full-retention".equals(o.get("mode"))) {
            bench.fullRetention(tenants, Path.of(o.get("results")));
            return;
        }
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);

        Catalog before = bench.catalog();
        System.out.printf("  catalog before: %s%n", before);
        Maintained first = bench.maintain(Map.of(), "--as-of", yesterday.toString());
        System.out.println("  first run:         " + first.text());
        Maintained steady1 = bench.maintain(Map.of(), "--as-of", yesterday.toString());
        System.out.println("  steady state:      " + steady1.text());
        Maintained steady2 = bench.maintain(Map.of(), "--as-of", yesterday.toString());
        System.out.println("  steady state:      " + steady2.text());
        Catalog after = bench.catalog();
        System.out.printf("  catalog after: %s%n", after);
        Map<String, String> roll = Map.of("WIFICORE_PARTITIONS_TABLES", ROLL_TABLES);
        Maintained rolled = bench.maintain(roll);
        System.out.println("  day roll-forward:  " + rolled.text());
        Maintained steady3 = bench.maintain(roll);
        System.out.println("  steady state:      " + steady3.text());

        String line = String.join("\t", String.valueOf(tenants), bench.threads, String.valueOf(first.engineMs()),
                String.valueOf(first.created()), String.valueOf(Math.min(steady1.engineMs(), steady2.engineMs())),
                String.valueOf(steady3.engineMs()), String.valueOf(rolled.engineMs()), String.valueOf(rolled.created()),
                String.valueOf(rolled.retired()), String.valueOf(first.errors() + rolled.errors()),
                fmt(before.perSchema()), fmt(after.perSchema()), fmt(before.catalogMb()), fmt(after.catalogMb()),
                String.valueOf(first.processMs()));
        Files.writeString(Path.of(o.get("results")), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        if (first.errors() + rolled.errors() + steady1.errors() + steady3.errors() > 0) {
            System.err.println("some maintenance steps failed; see the output above");
            System.exit(1);
        }
    }

    private final String java;
    private final String jar;
    private final String data;
    private final String dbPort;
    private final String threads;

    PartitionBench(String java, String jar, String data, String dbPort, String threads) {
        this.java = java;
        this.jar = jar;
        this.data = data;
        this.dbPort = dbPort;
        this.threads = threads;
    }

    void fullRetention(int tenants, Path results) throws Exception {
        LocalDate start = LocalDate.now(ZoneOffset.UTC).minusDays(91);
        Catalog before = catalog();
        System.out.printf("  catalog before: %s%n", before);
        Maintained first = maintain(Map.of("WIFICORE_PARTITIONS_TABLES",
                "tenant radacct acctstarttime premake=97,tenant radpostauth authdate premake=97,platform jobs enqueued_at"),
                "--as-of", start.toString());
        System.out.println("  91 days back:      " + first.text());
        Catalog after = catalog();
        System.out.printf("  catalog after: %s%n", after);
        Maintained rolled = maintain(Map.of());
        System.out.println("  day roll-forward:  " + rolled.text());
        Maintained steady1 = maintain(Map.of());
        System.out.println("  steady state:      " + steady1.text());
        Maintained steady2 = maintain(Map.of());
        System.out.println("  steady state:      " + steady2.text());
        String line = String.join("\t", tenants + " (98 days)", threads, String.valueOf(first.engineMs()),
                String.valueOf(first.created()), String.valueOf(Math.min(steady1.engineMs(), steady2.engineMs())),
                String.valueOf(Math.max(steady1.engineMs(), steady2.engineMs())), String.valueOf(rolled.engineMs()),
                String.valueOf(rolled.created()), String.valueOf(rolled.retired()),
                String.valueOf(first.errors() + rolled.errors() + steady1.errors()),
                fmt(before.perSchema()), fmt(after.perSchema()), fmt(before.catalogMb()), fmt(after.catalogMb()),
                String.valueOf(first.processMs()));
        Files.writeString(results, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    Maintained maintain(Map<String, String> env, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("partitions", "maintain"));
        args.addAll(List.of(extra));
        long t0 = System.nanoTime();
        String out = run(env, args);
        long processMs = (System.nanoTime() - t0) / 1_000_000;
        Matcher m = MAINTAIN.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("unexpected output of partitions maintain:\n" + out);
        }
        return new Maintained(Long.parseLong(m.group(3)), processMs, Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(7)));
    }

    Catalog catalog() throws Exception {
        String out = run(Map.of(), List.of("partitions", "status"));
        Matcher m = CATALOG.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("unexpected output of partitions status:\n" + out);
        }
        return new Catalog(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Double.parseDouble(m.group(3)),
                Double.parseDouble(m.group(4)));
    }

    private String run(Map<String, String> env, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar));
        command.addAll(args);
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("WIFICORE_DB_URL");
        builder.environment().put("WIFICORE_DATA_DIR", data);
        builder.environment().put("WIFICORE_DB_PORT", dbPort);
        builder.environment().put("WIFICORE_PARTITIONS_THREADS", threads);
        builder.environment().putAll(env);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", args) + " failed (exit "
                    + (p.isAlive() ? "timeout" : p.exitValue()) + "):\n" + out);
        }
        return out;
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    static void report(Path results) throws IOException {
        System.out.printf("%8s %7s %14s %9s %11s %11s %14s %9s %15s %15s%n", "tenants", "threads", "first run ms",
                "created", "steady ms", "roll ms", "roll cr/ret", "errors", "rel/schema", "pg_catalog MB");
        for (String line : Files.readAllLines(results)) {
            String[] f = line.split("\t");
            System.out.printf("%8s %7s %14s %9s %11s %11s %14s %9s %15s %15s%n", f[0], f[1], f[2], f[3],
                    f[4] + "/" + f[5], f[6], f[7] + "/" + f[8], f[9], f[10] + " -> " + f[11], f[12] + " -> " + f[13]);
        }
    }
}
