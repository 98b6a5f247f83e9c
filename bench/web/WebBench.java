import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Web-app budget benchmark (issue 8): p50/p99 of every list endpoint the SPA uses, against a running platform
 * holding a seeded tenant (`seed scale`). JDK only:
 *
 *   java bench/web/WebBench.java --url http://127.0.0.1:18078 --email scale@wificore.test --password PW
 *        [--admin-email E --admin-password P] [--rounds 200] [--warmup 20] [--budget-ms 100] [--only REGEX]
 *        [--max-seconds-per-endpoint 30] [--out FILE.csv]
 *
 * One client, one request at a time (the latency a signed-in user sees, not throughput), endpoints taken round-
 * robin so that noise from other processes spreads over all of them. Before timing, each endpoint is called
 * `--warmup` times (JIT, caches, the database's buffers: the budget is for a warm server). Prints one line per
 * endpoint and a RESULT line; exit code 0 even when over budget (the script reports, it does not judge).
 */
public class WebBench {

    record Endpoint(String name, String path, boolean admin) {
    }

    record Stats(Endpoint endpoint, long[] nanos, int[] samples) {
        double ms(double q) {
            long[] s = Arrays.copyOf(nanos, Math.max(1, samples[0]));
            Arrays.sort(s);
            int i = (int) Math.ceil(q * s.length) - 1;
            return s[Math.max(0, Math.min(s.length - 1, i))] / 1e6;
        }
    }

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        String url = o.getOrDefault("url", "http://127.0.0.1:18078");
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "200"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "20"));
        double budget = Double.parseDouble(o.getOrDefault("budget-ms", "100"));
        // an endpoint far over budget (a report aggregating a month) would take the run hours: it is sampled
        // until it has used this much time, and its line says how many samples it got
        long capNanos = (long) (Double.parseDouble(o.getOrDefault("max-seconds-per-endpoint", "30")) * 1e9);
        String token = login(url, o.get("email"), o.get("password"));
        String admin = o.containsKey("admin-email") ? login(url, o.get("admin-email"), o.get("admin-password")) : null;
        List<Endpoint> endpoints = endpoints(url, token, o.getOrDefault("tenant", "scale"));
        if (o.containsKey("only")) {
            endpoints = endpoints.stream().filter(e -> e.name().matches(o.get("only"))).toList();
        }
        if (admin == null) {
            endpoints = endpoints.stream().filter(e -> !e.admin()).toList();
        }
        List<Stats> stats = new ArrayList<>();
        for (Endpoint e : endpoints) {
            stats.add(new Stats(e, new long[rounds], new int[1]));
        }
        long[] warming = new long[endpoints.size()];
        for (int w = 0; w < warmup; w++) {
            for (int i = 0; i < endpoints.size(); i++) {
                if (warming[i] > capNanos / 3) {
                    continue; // warm enough: a slow report's warm-up would take longer than its measurement
                }
                Endpoint e = endpoints.get(i);
                long t0 = System.nanoTime();
                call(url, e, e.admin() ? admin : token);
                warming[i] += System.nanoTime() - t0;
            }
        }
        int[] status = new int[endpoints.size()];
        int[] bytes = new int[endpoints.size()];
        long[] spent = new long[endpoints.size()];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < endpoints.size(); i++) {
                if (spent[i] > capNanos) {
                    continue;
                }
                Endpoint e = endpoints.get(i);
                long t0 = System.nanoTime();
                HttpResponse<byte[]> res = call(url, e, e.admin() ? admin : token);
                long took = System.nanoTime() - t0;
                spent[i] += took;
                Stats st = stats.get(i);
                st.nanos()[st.samples()[0]++] = took;
                status[i] = res.statusCode();
                bytes[i] = res.body().length;
            }
        }
        System.out.printf("%-24s %-62s %6s %8s %5s %8s %8s %8s%n", "endpoint", "path", "status", "bytes", "n",
                "p50_ms", "p99_ms", "max_ms");
        int over = 0;
        double worst = 0;
        String worstName = "";
        StringBuilder csv = new StringBuilder("endpoint,path,status,bytes,n,p50_ms,p99_ms,max_ms\n");
        for (int i = 0; i < endpoints.size(); i++) {
            Stats s = stats.get(i);
            Endpoint e = s.endpoint();
            double p99 = s.ms(0.99);
            if (p99 >= budget) {
                over++;
            }
            if (p99 > worst) {
                worst = p99;
                worstName = e.name();
            }
            String path = e.path().length() > 62 ? e.path().substring(0, 59) + "..." : e.path();
            System.out.printf("%-24s %-62s %6d %8d %5d %8.1f %8.1f %8.1f%s%n", e.name(), path, status[i], bytes[i],
                    s.samples()[0], s.ms(0.5), p99, s.ms(1.0), p99 >= budget ? "  OVER" : "");
            csv.append("%s,%s,%d,%d,%d,%.1f,%.1f,%.1f%n".formatted(e.name(), e.path(), status[i], bytes[i],
                    s.samples()[0], s.ms(0.5), p99, s.ms(1.0)));
        }
        if (o.containsKey("out")) {
            Files.writeString(Path.of(o.get("out")), csv);
        }
        System.out.printf("RESULT endpoints=%d rounds=%d over_budget=%d worst_p99_ms=%.1f worst=%s%n",
                endpoints.size(), rounds, over, worst, worstName);
    }

    /** The list endpoints the SPA calls, with realistic page sizes and filters; ids found on the tenant itself. */
    static List<Endpoint> endpoints(String url, String token, String tenant) throws Exception {
        String subscribers = get(url, "/api/subscribers?size=1&kind=pppoe", token);
        String pppoeUser = first(subscribers, "username");
        String subscriberId = first(subscribers, "id");
        String hotspot = get(url, "/api/subscribers?size=1&kind=hotspot&page=7", token);
        String phone = first(hotspot, "username");
        String batch = first(get(url, "/api/vouchers/batches?size=1", token), "id");
        String busy = first(get(url, "/api/reports/top-users?limit=1", token), "username");
        String receipt = first(get(url, "/api/payments?status=settled&size=1&page=3", token), "receipt");
        String account = first(get(url, "/api/subscribers?size=1&kind=pppoe&page=3", token), "accountNumber");
        List<Endpoint> list = new ArrayList<>(List.of(
                new Endpoint("subscribers", "/api/subscribers?page=0&size=50", false),
                new Endpoint("subscribers p20", "/api/subscribers?page=20&size=50", false),
                new Endpoint("subscribers active", "/api/subscribers?status=active&size=50", false),
                new Endpoint("subscribers pppoe", "/api/subscribers?kind=pppoe&size=50", false),
                new Endpoint("subscribers q=phone", "/api/subscribers?size=50&q=" + enc(phone), false),
                new Endpoint("subscribers q=0722", "/api/subscribers?size=50&q=2547229", false),
                new Endpoint("subscribers q=name", "/api/subscribers?size=50&q=wanjiru.k", false),
                new Endpoint("subscribers q=none", "/api/subscribers?size=50&q=zzzz", false),
                new Endpoint("subscriber history", "/api/subscribers/" + subscriberId + "/history", false),
                new Endpoint("packages", "/api/packages?size=50", false),
                new Endpoint("voucher batches", "/api/vouchers/batches?size=50", false),
                new Endpoint("voucher codes", "/api/vouchers/batches/" + batch + "/codes?size=50", false),
                new Endpoint("voucher codes q", "/api/vouchers/batches/" + batch + "/codes?size=50&q=7", false),
                new Endpoint("sessions online", "/api/sessions?status=open&size=50", false),
                new Endpoint("sessions all", "/api/sessions?size=50", false),
                new Endpoint("sessions closed", "/api/sessions?status=closed&size=50", false),
                new Endpoint("sessions closed p10", "/api/sessions?status=closed&page=10&size=50", false),
                new Endpoint("sessions of user", "/api/sessions?username=" + enc(busy) + "&size=50", false),
                new Endpoint("sessions of pppoe user", "/api/sessions?username=" + enc(pppoeUser) + "&size=50", false),
                new Endpoint("sessions of NAS", "/api/sessions?nasIp=10.20.0.1&size=50", false),
                new Endpoint("nas", "/api/nas?size=50", false),
                new Endpoint("payments", "/api/payments?size=50", false),
                new Endpoint("payments settled", "/api/payments?status=settled&size=50", false),
                new Endpoint("payments failed", "/api/payments?status=failed&size=50", false),
                new Endpoint("payments pending", "/api/payments?status=pending&size=50", false),
                new Endpoint("payments q=phone", "/api/payments?size=50&q=" + enc(phone), false),
                new Endpoint("payments q=receipt", "/api/payments?size=50&q=" + enc(receipt), false),
                new Endpoint("payments q=account", "/api/payments?size=50&q=" + enc(account), false),
                new Endpoint("postauth", "/api/radius/postauth?size=50", false),
                new Endpoint("postauth rejects", "/api/radius/postauth?result=reject&size=50", false),
                new Endpoint("postauth of user", "/api/radius/postauth?username=" + enc(busy) + "&size=50", false),
                new Endpoint("radius users", "/api/radius/users?size=50", false),
                new Endpoint("radius groups", "/api/radius/groups?size=50", false),
                new Endpoint("revenue daily", "/api/reports/revenue/daily", false),
                new Endpoint("revenue packages", "/api/reports/revenue/packages", false),
                new Endpoint("revenue nas", "/api/reports/revenue/nas", false),
                new Endpoint("report subscribers", "/api/reports/subscribers", false),
                new Endpoint("report expiring", "/api/reports/expiring?within=24h&size=50", false),
                new Endpoint("report online", "/api/reports/online", false),
                new Endpoint("report online sessions", "/api/reports/online/sessions?size=50", false),
                new Endpoint("report top users", "/api/reports/top-users?limit=10", false),
                new Endpoint("water dispensers", "/api/water/dispensers?size=50", false),
                new Endpoint("water customers", "/api/water/customers?size=50", false),
                new Endpoint("water transactions", "/api/water/transactions?size=50", false),
                new Endpoint("water token batches", "/api/water/tokens/batches?size=50", false),
                new Endpoint("staff", "/api/staff?size=50", false),
                new Endpoint("jobs", "/api/jobs", false),
                new Endpoint("jobs failed", "/api/jobs/failed?size=50", false),
                new Endpoint("platform jobs", "/api/platform/jobs", true),
                new Endpoint("partitions", "/api/platform/partitions?size=50", true),
                new Endpoint("partitions of tenant", "/api/platform/partitions?tenant=" + tenant, true),
                new Endpoint("partition runs", "/api/platform/partitions/runs?size=50", true),
                new Endpoint("platform tenants", "/api/platform/tenants?size=50", true)));
        // the SPA engineer's dashboard endpoint, measured once it exists
        if (call(url, new Endpoint("dashboard", "/api/dashboard", false), token).statusCode() == 200) {
            list.add(new Endpoint("dashboard", "/api/dashboard", false));
        }
        return list;
    }

    static HttpResponse<byte[]> call(String url, Endpoint e, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url + e.path())).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    static String get(String url, String path, String token) throws Exception {
        var res = call(url, new Endpoint(path, path, false), token);
        if (res.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + res.statusCode());
        }
        return new String(res.body(), StandardCharsets.UTF_8);
    }

    static String login(String url, String email, String password) throws Exception {
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
        var res = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) {
            throw new IllegalStateException("login " + email + ": " + res.statusCode() + " " + res.body());
        }
        return first(res.body(), "token");
    }

    static String first(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + json.substring(0, Math.min(200, json.length())));
        }
        return m.group(1);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("options are --name value: " + args[i]);
            }
            o.put(args[i].substring(2), args[++i]);
        }
        return o;
    }
}
