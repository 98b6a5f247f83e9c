/*
 * Tenant-creation benchmark for WifiCore. Single file, JDK only (java.net.http):
 *
 *   java bench/tenants/TenantBench.java --url http://127.0.0.1:18070 \
 *        --email bench@bench.example --password benchpassword1 --from 0 --to 1000 [--clients 1]
 *
 * Logs in as a platform admin, then creates tenants with index in [from, to) through
 * POST /api/platform/tenants, one request at a time per client (closed loop: a client sends
 * the next request only after the previous answer). The headline figure is --clients 1, like a
 * real signup flow; more clients show what concurrent signups do to latency and throughput.
 * Prints p50/p90/p99/max latency and throughput; exits 1 if any request did not answer 201.
 *
 * Tenant i gets slug <prefix>_<i, 5 digits> and admin <prefix>_<i>@bench.example.
 *
 *   --latencies FILE   also append "index latency_ms status" lines to FILE
 *   --report FILE...   no requests: print the statistics of latency files written before
 *                      (overall, and per block of --block tenants, default 100)
 */
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class TenantBench {

    record Sample(int index, double millis, int status) {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> opts = new HashMap<>();
        List<String> reportFiles = new ArrayList<>();
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            if (a.equals("-h") || a.equals("--help")) {
                usage(0);
            } else if (a.equals("--report")) {
                while (i + 1 < argv.length && !argv[i + 1].startsWith("--")) {
                    reportFiles.add(argv[++i]);
                }
                opts.put("report", "true");
            } else if (a.startsWith("--") && i + 1 < argv.length) {
                opts.put(a.substring(2), argv[++i]);
            } else {
                System.err.println("unexpected argument: " + a);
                usage(2);
            }
        }
        int block = Integer.parseInt(opts.getOrDefault("block", "100"));
        if (opts.containsKey("report")) {
            report(reportFiles, block);
            return;
        }

        String url = stripSlash(opts.getOrDefault("url", "http://127.0.0.1:18070"));
        String email = opts.getOrDefault("email", "bench@bench.example");
        String password = opts.getOrDefault("password", "benchpassword1");
        String prefix = opts.getOrDefault("prefix", "bench");
        int from = Integer.parseInt(opts.getOrDefault("from", "0"));
        int to = Integer.parseInt(opts.getOrDefault("to", "10"));
        int clients = Integer.parseInt(opts.getOrDefault("clients", "1"));
        String tenantPassword = opts.getOrDefault("tenant-password", "tenantpassword1");
        Path latencyFile = opts.containsKey("latencies") ? Path.of(opts.get("latencies")) : null;
        if (from < 0 || to <= from || clients < 1) {
            System.err.println("need 0 <= --from < --to and --clients >= 1");
            System.exit(2);
        }

        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        String token = login(http, url, email, password);

        int total = to - from;
        var next = new AtomicInteger(from);
        var samples = Collections.synchronizedList(new ArrayList<Sample>(total));
        var errors = Collections.synchronizedList(new ArrayList<String>());
        System.out.printf(Locale.ROOT, "creating tenants %d..%d (%d) against %s with %d client(s)%n",
                from, to - 1, total, url, clients);

        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < to) {
                        samples.add(createTenant(http, url, token, prefix, i, tenantPassword, errors));
                        int done = samples.size();
                        if (done % 100 == 0 && done < total) {
                            System.out.printf(Locale.ROOT, "  %d/%d done, %.1f s%n", done, total,
                                    (System.nanoTime() - started) / 1e9);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        }
        double wallSeconds = (System.nanoTime() - started) / 1e9;

        List<Sample> all = new ArrayList<>(samples);
        all.sort((a, b) -> Integer.compare(a.index(), b.index()));
        if (latencyFile != null) {
            var lines = new StringBuilder();
            for (Sample s : all) {
                lines.append(String.format(Locale.ROOT, "%d %.3f %d%n", s.index(), s.millis(), s.status()));
            }
            Files.writeString(latencyFile, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }

        long ok = all.stream().filter(s -> s.status() == 201).count();
        System.out.printf(Locale.ROOT, "created %d/%d tenants in %.1f s: %.2f tenants/s%n",
                ok, total, wallSeconds, total / wallSeconds);
        printStats("latency (all requests)", all);
        if (!errors.isEmpty()) {
            System.out.printf("%d request(s) failed; first ones:%n", errors.size());
            errors.stream().limit(5).forEach(e -> System.out.println("  " + e));
            System.exit(1);
        }
    }

    private static Sample createTenant(HttpClient http, String url, String token, String prefix, int i,
                                       String tenantPassword, List<String> errors) {
        String slug = String.format(Locale.ROOT, "%s_%05d", prefix, i);
        String body = "{\"tenantName\":\"Bench tenant " + i + "\",\"slug\":\"" + slug
                + "\",\"adminEmail\":\"" + slug + "@bench.example\",\"adminPassword\":\"" + json(tenantPassword) + "\"}";
        var request = HttpRequest.newBuilder(URI.create(url + "/api/platform/tenants"))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long t0 = System.nanoTime();
        int status;
        String answer;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            answer = response.body();
        } catch (IOException e) {
            status = -1;
            answer = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        double millis = (System.nanoTime() - t0) / 1e6;
        if (status != 201) {
            errors.add(slug + ": HTTP " + status + " " + abbreviate(answer));
        }
        return new Sample(i, millis, status);
    }

    private static String login(HttpClient http, String url, String email, String password)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(url + "/api/auth/login"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"" + json(email) + "\",\"password\":\"" + json(password) + "\"}"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            System.err.println("login as " + email + " failed: HTTP " + response.statusCode() + " "
                    + abbreviate(response.body()));
            System.exit(1);
        }
        return m.group(1);
    }

    /** Statistics over latency files written with --latencies (possibly by several runs). */
    private static void report(List<String> files, int block) throws IOException {
        if (files.isEmpty()) {
            System.err.println("--report needs at least one file");
            System.exit(2);
        }
        List<Sample> all = new ArrayList<>();
        for (String f : files) {
            for (String line : Files.readAllLines(Path.of(f))) {
                String[] p = line.trim().split("\\s+");
                if (p.length == 3) {
                    all.add(new Sample(Integer.parseInt(p[0]), Double.parseDouble(p[1]), Integer.parseInt(p[2])));
                }
            }
        }
        all.sort((a, b) -> Integer.compare(a.index(), b.index()));
        long failed = all.stream().filter(s -> s.status() != 201).count();
        System.out.printf("%d requests, %d not 201%n", all.size(), failed);
        printStats("latency (all requests)", all);
        var blocks = new TreeMap<Integer, List<Sample>>();
        for (Sample s : all) {
            blocks.computeIfAbsent(s.index() / block, k -> new ArrayList<>()).add(s);
        }
        System.out.printf(Locale.ROOT, "by tenant index (blocks of %d):%n", block);
        System.out.printf(Locale.ROOT, "  %-11s %5s %8s %8s %8s %8s%n", "index", "n", "p50", "p90", "p99", "max");
        for (var e : blocks.entrySet()) {
            double[] ms = millis(e.getValue());
            System.out.printf(Locale.ROOT, "  %-11s %5d %8.1f %8.1f %8.1f %8.1f%n",
                    (e.getKey() * block) + "-" + (e.getKey() * block + block - 1), ms.length,
                    pct(ms, 50), pct(ms, 90), pct(ms, 99), ms[ms.length - 1]);
        }
    }

    private static void printStats(String title, List<Sample> samples) {
        double[] ms = millis(samples);
        if (ms.length == 0) {
            System.out.println(title + ": no samples");
            return;
        }
        double mean = Arrays.stream(ms).average().orElse(0);
        System.out.printf(Locale.ROOT, "%s, ms: n=%d  min=%.1f  p50=%.1f  p90=%.1f  p99=%.1f  max=%.1f  mean=%.1f%n",
                title, ms.length, ms[0], pct(ms, 50), pct(ms, 90), pct(ms, 99), ms[ms.length - 1], mean);
    }

    private static double[] millis(List<Sample> samples) {
        return samples.stream().mapToDouble(Sample::millis).sorted().toArray();
    }

    /** Nearest-rank percentile of sorted values. */
    private static double pct(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String abbreviate(String s) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ");
        return one.length() > 200 ? one.substring(0, 200) + "..." : one;
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static void usage(int code) {
        System.out.println("""
                usage: java TenantBench.java [--url http://127.0.0.1:18070] [--email E] [--password P]
                                             [--from 0] [--to 10] [--clients 1] [--prefix bench]
                                             [--tenant-password P] [--latencies FILE]
                       java TenantBench.java --report FILE... [--block 100]""");
        System.exit(code);
    }
}
