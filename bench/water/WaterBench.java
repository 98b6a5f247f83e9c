import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Water benchmark generator (issue 7): JDK only, one file.
 *
 * <pre>
 * setup     --url U --slug S --dispensers D --customers C
 *           registers a tenant, creates D dispensers (price 2.00/l) and C customers with a large cash
 *           balance; prints "token=… devices=id:key,id:key,… customers=uuid,uuid,…" (customers to --out)
 * ingest    --url U --devices LIST --customers FILE --clients N --seconds S --batch 1000 --dup-share 0.1 [--seq-from 0]
 *           N closed-loop clients (one dispenser each), signed batches of --batch dispenses; each batch
 *           repeats --dup-share of its items from the same device's previous batch (duplicates the
 *           ledger must recognise). Prints dispenses/s booked (fresh), items/s sent, batch p50/p99.
 * authorize --url U --devices LIST --customers FILE --clients N --count K
 *           K signed authorize requests (card-less, by customer id), N closed-loop clients; p50/p99/max
 * count     --url U --token T   dispenses booked today (sum of the dispensers-daily report)
 * </pre>
 * Every mode prints one last line "RESULT key=value ...".
 */
public class WaterBench {

    static final Map<String, String> opt = new HashMap<>();
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    static final HexFormat HEX = HexFormat.of();

    public static void main(String[] argv) throws Exception {
        for (int i = 1; i + 1 < argv.length; i += 2) {
            opt.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        switch (argv[0]) {
            case "setup" -> setup();
            case "ingest" -> ingest();
            case "authorize" -> authorize();
            case "count" -> count();
            default -> throw new IllegalArgumentException("mode: setup|ingest|authorize|count");
        }
    }

    // ------------------------------------------------------------------ setup
    static void setup() throws Exception {
        String slug = opt.get("slug");
        String email = "boss@" + slug + ".example";
        post("/api/register", "{\"tenantName\":\"Water bench\",\"slug\":\"" + slug + "\",\"adminEmail\":\"" + email
                + "\",\"adminPassword\":\"water-bench-password-1\"}", null, 201);
        String token = field(post("/api/auth/login", "{\"email\":\"" + email
                + "\",\"password\":\"water-bench-password-1\"}", null, 200), "token");
        int dispensers = Integer.parseInt(opt.get("dispensers"));
        List<String> devices = new ArrayList<>();
        for (int i = 0; i < dispensers; i++) {
            String body = post("/api/water/dispensers", "{\"name\":\"Bench kiosk " + i + "\",\"tankCapacityLitres\":5000,"
                    + "\"pricePerLitre\":2.00,\"pulsesPerLitre\":450}", token, 201);
            devices.add(field(body, "deviceId") + ":" + field(body, "secretKey"));
        }
        int customers = Integer.parseInt(opt.get("customers"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            String id = field(post("/api/water/customers", "{\"cardId\":\"BENCH-" + i + "\"}", token, 201), "id");
            post("/api/water/customers/" + id + "/topups", "{\"amount\":1000000,\"reference\":\"bench\"}", token, 201);
            ids.add(id);
        }
        java.nio.file.Files.writeString(java.nio.file.Path.of(opt.get("out")), String.join("\n", ids));
        System.out.println("RESULT token=" + token + " devices=" + String.join(",", devices));
    }

    // ------------------------------------------------------------------ ingest
    static void ingest() throws Exception {
        String[] devices = opt.get("devices").split(",");
        List<String> customers = java.nio.file.Files.readAllLines(java.nio.file.Path.of(opt.get("customers")));
        int clients = Integer.parseInt(opt.getOrDefault("clients", "4"));
        int batch = Integer.parseInt(opt.getOrDefault("batch", "1000"));
        double dupShare = Double.parseDouble(opt.getOrDefault("dup-share", "0.1"));
        long seconds = Long.parseLong(opt.getOrDefault("seconds", "30"));
        AtomicLong booked = new AtomicLong(), sent = new AtomicLong(), dups = new AtomicLong(), errors = new AtomicLong();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String[] device = devices[c % devices.length].split(":", 2);
            // clients sharing a device use disjoint sequences; --seq-from keeps a run clear of an earlier one's
            long seqBase = Long.parseLong(opt.getOrDefault("seq-from", "0")) + (long) (c / devices.length) * 1_000_000_000L;
            threads.add(Thread.ofPlatform().start(() -> {
                Random random = new Random(device[0].hashCode() + seqBase);
                long seq = seqBase;
                List<String> previous = List.of();
                while (System.nanoTime() < end) {
                    int repeat = previous.isEmpty() ? 0 : (int) Math.round(batch * dupShare);
                    StringBuilder json = new StringBuilder(batch * 170).append("{\"dispenses\":[");
                    List<String> items = new ArrayList<>(batch);
                    Instant at = Instant.now().minusSeconds(30);
                    for (int i = 0; i < batch - repeat; i++) {
                        String item = "{\"seq\":" + (++seq) + ",\"customerId\":\""
                                + customers.get(random.nextInt(customers.size())) + "\",\"litres\":1.5,\"amount\":3.00,"
                                + "\"startedAt\":\"" + at.plusMillis(i) + "\",\"endedAt\":\"" + at.plusMillis(i + 20_000) + "\"}";
                        items.add(item);
                    }
                    for (int i = 0; i < repeat; i++) {
                        items.add(previous.get(random.nextInt(previous.size())));
                    }
                    json.append(String.join(",", items)).append("]}");
                    long t0 = System.nanoTime();
                    String answer = signed(device[0], device[1], "/api/devices/v1/dispenses", json.toString());
                    latencies.add(System.nanoTime() - t0);
                    if (answer == null) {
                        errors.incrementAndGet();
                        continue;
                    }
                    booked.addAndGet(Long.parseLong(field(answer, "recorded")));
                    dups.addAndGet(Long.parseLong(field(answer, "duplicates")));
                    sent.addAndGet(batch);
                    previous = items.subList(0, batch - repeat);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double secs = (System.nanoTime() - started) / 1e9;
        long[] l = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "RESULT dispenses_per_s=%.0f items_per_s=%.0f booked=%d duplicates=%d sent=%d "
                        + "batches=%d errors=%d seconds=%.1f batch_p50_ms=%.1f batch_p99_ms=%.1f clients=%d client_cpu_s=%.2f%n",
                booked.get() / secs, sent.get() / secs, booked.get(), dups.get(), sent.get(), l.length, errors.get(),
                secs, pct(l, 50), pct(l, 99), clients, cpuSeconds());
    }

    /** This generator's own CPU (JIT and GC included), so a run can tell what the client cost per dispense. */
    static double cpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
    }

    // ------------------------------------------------------------------ authorize
    static void authorize() throws Exception {
        String[] devices = opt.get("devices").split(",");
        List<String> customers = java.nio.file.Files.readAllLines(java.nio.file.Path.of(opt.get("customers")));
        int clients = Integer.parseInt(opt.getOrDefault("clients", "1"));
        int count = Integer.parseInt(opt.getOrDefault("count", "5000"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "500"));
        long[] lat = new long[count];
        AtomicLong next = new AtomicLong(-warmup), errors = new AtomicLong();
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String[] device = devices[c % devices.length].split(":", 2);
            threads.add(Thread.ofPlatform().start(() -> {
                Random random = new Random(c0(device[0]));
                long i;
                while ((i = next.getAndIncrement()) < count) {
                    String body = "{\"customerId\":\"" + customers.get(random.nextInt(customers.size())) + "\",\"litres\":2}";
                    long t0 = System.nanoTime();
                    String answer = signed(device[0], device[1], "/api/devices/v1/authorize", body);
                    long took = System.nanoTime() - t0;
                    if (answer == null || !answer.contains("\"authorized\":true")) {
                        errors.incrementAndGet();
                    }
                    if (i >= 0) {
                        lat[(int) i] = took;
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double secs = (System.nanoTime() - started) / 1e9;
        Arrays.sort(lat);
        System.out.printf(Locale.ROOT, "RESULT requests=%d clients=%d per_s=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f "
                        + "max_ms=%.2f errors=%d%n", count, clients, (count + warmup) / secs, pct(lat, 50), pct(lat, 90),
                pct(lat, 99), lat[lat.length - 1] / 1e6, errors.get());
    }

    static long c0(String s) {
        return s.hashCode();
    }

    // ------------------------------------------------------------------ count
    static void count() throws Exception {
        String body = get("/api/reports/water/dispensers-daily", opt.get("token"));
        long total = 0;
        Matcher m = Pattern.compile("\"dispenses\":(\\d+)").matcher(body);
        while (m.find()) {
            total += Long.parseLong(m.group(1));
        }
        System.out.println("RESULT booked=" + total);
    }

    // ------------------------------------------------------------------ HTTP
    /** Signs like docs/water.md: hex HMAC-SHA256(key, METHOD\nPATH\nTS\nNONCE\nhex(SHA-256(body))). */
    static String signed(String deviceId, String key, String path, String body) {
        try {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String ts = Long.toString(System.currentTimeMillis() / 1000);
            String nonce = UUID.randomUUID().toString();
            String canonical = "POST\n" + path + "\n" + ts + "\n" + nonce + "\n"
                    + HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = HEX.formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
            var request = HttpRequest.newBuilder(URI.create(opt.get("url") + path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").header("X-Device-Id", deviceId)
                    .header("X-Timestamp", ts).header("X-Nonce", nonce).header("X-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                System.err.println(path + " -> " + response.statusCode() + " " + response.body());
                return null;
            }
            return response.body();
        } catch (Exception e) {
            System.err.println(path + " failed: " + e);
            return null;
        }
    }

    static String post(String path, String json, String token, int expect) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(opt.get("url") + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        var r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expect) {
            throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static String get(String path, String token) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(opt.get("url") + path)).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
        return r.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
