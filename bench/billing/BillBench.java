import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Billing benchmark generator (issue 6): JDK only, one file, run with {@code java BillBench.java MODE ...}.
 *
 * <pre>
 * setup   --url U --email E --password P --slug S --secret X [--price 10]
 *         registers a tenant, logs in, sets M-Pesa to the simulator (till), creates a hotspot package
 *         and registers 127.0.0.1 as a NAS; prints "token=… package=…"
 * push    --url U --token T --package ID --amount A --prefix 2547 --from 0 --count N --clients C
 *         [--subscriber-password PW] --out FILE
 *         STK pushes for phones PREFIX + 4 digits (from..from+N-1) + "0000" (the simulator holds
 *         their callbacks). With --subscriber-password, first creates each phone's hotspot
 *         subscriber with that password and an expiry in the past (rejected until paid), so the
 *         payment extends a subscriber whose password we know. FILE: "phone checkoutId merchantId"
 * latency --url U --in FILE --radius-port P --secret X --password PW [--prime] [--via sim|direct]
 *         one payment at a time: [prime: one Access-Request, expect Reject, so the RADIUS cache
 *         holds the stale profile] t0, deliver the held callback, then PAP Access-Requests for the
 *         phone every --retry-ms until Access-Accept; latency = accept - t0
 * settle  --url U --in FILE --clients C [--via sim|direct]
 *         delivers every callback of FILE with C concurrent clients; settlements/s
 * count   --url U --token T    pages through GET /api/payments; prints counts per status
 * </pre>
 *
 * --via sim (default): POST /sim/daraja/callbacks/{id}, the simulator sends the callback (one
 * more HTTP hop on the same machine, like Safaricom). --via direct: the generator POSTs the STK
 * callback body to /api/payments/mpesa/callback itself.
 * Every mode prints one last line "RESULT key=value ...".
 */
public class BillBench {

    static final Map<String, String> opt = new HashMap<>();
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    static final PrintStream out = System.out;

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0) {
            System.err.println("usage: BillBench setup|push|latency|settle|count --url ... (see the source)");
            System.exit(2);
        }
        for (int i = 1; i < argv.length; i++) {
            String a = argv[i];
            if (!a.startsWith("--")) {
                fail("unexpected argument " + a);
            }
            String k = a.substring(2);
            if (k.equals("prime")) {
                opt.put(k, "true");
            } else if (i + 1 < argv.length) {
                opt.put(k, argv[++i]);
            } else {
                fail("missing value for " + a);
            }
        }
        switch (argv[0]) {
            case "setup" -> setup();
            case "push" -> push();
            case "latency" -> latency();
            case "settle" -> settle();
            case "count" -> count();
            default -> fail("unknown mode " + argv[0]);
        }
    }

    static String o(String k) {
        String v = opt.get(k);
        if (v == null) {
            fail("--" + k + " is required");
        }
        return v;
    }

    static String o(String k, String dflt) {
        return opt.getOrDefault(k, dflt);
    }

    static void fail(String msg) {
        System.err.println("BillBench: " + msg);
        System.exit(1);
    }

    // ------------------------------------------------------------------ HTTP + tiny JSON
    record Res(int status, String body) {
    }

    static Res call(String method, String path, String json, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(o("url") + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                return new Res(r.statusCode(), r.body());
            } catch (IOException e) {
                if (attempt >= 3) {
                    return new Res(0, e.toString());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Res(0, "interrupted");
            }
        }
    }

    static Res expect(String what, Res r, int... ok) {
        for (int s : ok) {
            if (r.status == s) {
                return r;
            }
        }
        fail(what + ": HTTP " + r.status + " " + r.body.substring(0, Math.min(400, r.body.length())));
        return r;
    }

    static String str(String json, String field) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    // ------------------------------------------------------------------ setup
    static void setup() {
        String email = o("email"), pw = o("password"), slug = o("slug");
        expect("POST /api/register", call("POST", "/api/register", "{\"tenantName\":\"Billing bench\",\"slug\":" + q(slug)
                + ",\"adminEmail\":" + q(email) + ",\"adminPassword\":" + q(pw) + "}", null), 201);
        Res login = expect("POST /api/auth/login", call("POST", "/api/auth/login",
                "{\"email\":" + q(email) + ",\"password\":" + q(pw) + "}", null), 200);
        String token = str(login.body, "token");
        expect("PUT /api/billing/mpesa", call("PUT", "/api/billing/mpesa", "{\"shortcode\":\"174379\",\"shortcodeType\":\"till\","
                + "\"environment\":\"simulator\",\"passkey\":\"bench-passkey\",\"consumerKey\":\"bench-key\","
                + "\"consumerSecret\":\"bench-secret\"}", token), 200);
        Res pkg = expect("POST /api/packages", call("POST", "/api/packages", "{\"type\":\"hotspot\",\"name\":\"1 hour\","
                + "\"price\":" + o("price", "10") + ",\"currency\":\"KES\",\"durationValue\":1,\"durationUnit\":\"hours\","
                + "\"uploadKbps\":1024,\"downloadKbps\":4096,\"devices\":1,\"visibility\":\"public\"}", token), 201);
        expect("POST /api/nas", call("POST", "/api/nas", "{\"name\":\"billbench\",\"address\":\"127.0.0.1\",\"secret\":"
                + q(o("secret")) + ",\"type\":\"mikrotik\",\"requireMessageAuthenticator\":true}", token), 201, 200);
        out.println("RESULT token=" + token + " package=" + str(pkg.body, "id"));
    }

    // ------------------------------------------------------------------ push
    record Push(String phone, String checkout, String merchant) {
    }

    static void push() throws Exception {
        String token = o("token"), pkg = o("package"), amount = o("amount"), prefix = o("prefix");
        int from = Integer.parseInt(o("from", "0")), n = Integer.parseInt(o("count"));
        int clients = Integer.parseInt(o("clients", "8"));
        String subPw = opt.get("subscriber-password");
        Push[] pushes = new Push[n];
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        long t0 = System.nanoTime();
        runClients(clients, () -> {
            for (int i; (i = next.getAndIncrement()) < n && errors.isEmpty(); ) {
                String phone = prefix + String.format("%04d", from + i) + "0000";
                if (subPw != null) {
                    Res r = call("POST", "/api/subscribers", "{\"kind\":\"hotspot\",\"phone\":" + q(phone) + ",\"password\":"
                            + q(subPw) + ",\"expiresAt\":\"2020-01-01T00:00:00Z\"}", token);
                    if (r.status != 201) {
                        errors.add("POST /api/subscribers " + phone + ": " + r.status + " " + r.body);
                        return;
                    }
                }
                Res r = call("POST", "/api/payments/stk", "{\"phone\":" + q(phone) + ",\"amount\":" + amount
                        + ",\"purpose\":\"HOTSPOT_PACKAGE\",\"reference\":" + q(pkg) + "}", token);
                if (r.status != 201 || str(r.body, "checkoutRequestId") == null) {
                    errors.add("POST /api/payments/stk " + phone + ": " + r.status + " " + r.body);
                    return;
                }
                pushes[i] = new Push(phone, str(r.body, "checkoutRequestId"), str(r.body, "merchantRequestId"));
            }
        });
        if (!errors.isEmpty()) {
            fail(errors.peek());
        }
        double s = (System.nanoTime() - t0) / 1e9;
        List<String> lines = new ArrayList<>();
        for (Push p : pushes) {
            lines.add(p.phone + " " + p.checkout + " " + p.merchant);
        }
        Files.write(Path.of(o("out")), lines);
        out.printf(Locale.ROOT, "RESULT pushes=%d seconds=%.1f per_s=%.0f subscribers=%s%n", n, s, n / s, subPw != null);
    }

    static List<Push> readPushes() throws IOException {
        List<Push> list = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(o("in")))) {
            String[] f = line.trim().split(" ");
            if (f.length == 3) {
                list.add(new Push(f[0], f[1], f[2]));
            }
        }
        return list;
    }

    static void runClients(int clients, Runnable body) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            Thread.ofPlatform().start(() -> {
                try {
                    body.run();
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
    }

    /**
     * The callbacks' HTTP client: one keep-alive HTTP/1.1 connection per client thread over a plain
     * socket. The generator shares the 2 cores with the platform it measures, and java.net.http
     * (selector thread, futures, header maps) cost it about half a core at ~900 callbacks/s; this
     * costs a fraction of that, and the cores go to the platform as they would in production,
     * where Safaricom's side of the callback is not on our machine.
     */
    static final class RawHttp {
        private static final ThreadLocal<RawHttp> PER_THREAD = new ThreadLocal<>();
        private final java.net.Socket socket;
        private final java.io.BufferedInputStream in;
        private final java.io.OutputStream out;
        private final String host;

        private RawHttp(URI base) throws IOException {
            socket = new java.net.Socket(base.getHost(), base.getPort());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(60_000);
            in = new java.io.BufferedInputStream(socket.getInputStream(), 8192);
            out = new java.io.BufferedOutputStream(socket.getOutputStream(), 8192);
            host = base.getHost() + ":" + base.getPort();
        }

        /** POSTs {@code json} (null: no body) on this thread's connection; a broken one is opened again, up to 3 times. */
        static Res post(String path, String json) {
            for (int attempt = 1; ; attempt++) {
                RawHttp c = PER_THREAD.get();
                try {
                    if (c == null) {
                        c = new RawHttp(URI.create(o("url")));
                        PER_THREAD.set(c);
                    }
                    return c.exchange(path, json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    PER_THREAD.remove();
                    if (c != null) {
                        try {
                            c.socket.close();
                        } catch (IOException ignored) {
                            // already broken
                        }
                    }
                    if (attempt >= 3) {
                        return new Res(0, e.toString());
                    }
                }
            }
        }

        private Res exchange(String path, byte[] body) throws IOException {
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                    + "Accept: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            String status = line();
            if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
                throw new IOException("not an HTTP/1.1 answer: " + status);
            }
            int code = Integer.parseInt(status.substring(9, 12));
            int length = -1;
            boolean chunked = false, close = false;
            for (String h; !(h = line()).isEmpty(); ) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(h.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            var answer = new java.io.ByteArrayOutputStream();
            if (chunked) {
                for (int size; (size = Integer.parseInt(line().split(";")[0].trim(), 16)) > 0; ) {
                    answer.write(in.readNBytes(size));
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                answer.write(in.readNBytes(length));
            } else {
                answer.write(in.readAllBytes());
                close = true;
            }
            if (close) {
                PER_THREAD.remove();
                socket.close();
            }
            return new Res(code, answer.toString(StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            var b = new StringBuilder();
            for (int c; (c = in.read()) != '\n'; ) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }
    }

    // ------------------------------------------------------------------ callbacks
    static final AtomicInteger receipts = new AtomicInteger();
    static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");
    static final DateTimeFormatter TRANSACTION_DATE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase(Locale.ROOT);

    /** Delivers the held callback of p; returns the HTTP status of the callback (200 expected). */
    static int deliver(Push p, boolean direct) {
        if (!direct) {
            Res r = RawHttp.post("/sim/daraja/callbacks/" + p.checkout, null);
            if (r.status != 200) {
                return r.status;
            }
            Matcher m = Pattern.compile("\"CallbackStatus\"\\s*:\\s*(\\d+)").matcher(r.body);
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        }
        String receipt = "B" + RUN + String.format("%06d", receipts.incrementAndGet());
        String date = LocalDateTime.now(NAIROBI).format(TRANSACTION_DATE);
        String body = "{\"Body\":{\"stkCallback\":{\"MerchantRequestID\":" + q(p.merchant) + ",\"CheckoutRequestID\":"
                + q(p.checkout) + ",\"ResultCode\":0,\"ResultDesc\":\"The service request is processed successfully.\","
                + "\"CallbackMetadata\":{\"Item\":[{\"Name\":\"Amount\",\"Value\":" + o("amount", "10") + "},"
                + "{\"Name\":\"MpesaReceiptNumber\",\"Value\":" + q(receipt) + "},{\"Name\":\"Balance\"},"
                + "{\"Name\":\"TransactionDate\",\"Value\":" + date + "},{\"Name\":\"PhoneNumber\",\"Value\":" + p.phone + "}]}}}}";
        return RawHttp.post("/api/payments/mpesa/callback", body).status;
    }

    // ------------------------------------------------------------------ latency
    static void latency() throws Exception {
        List<Push> pushes = readPushes();
        boolean direct = o("via", "sim").equals("direct");
        boolean prime = opt.containsKey("prime");
        int retryMs = Integer.parseInt(o("retry-ms", "2"));
        byte[] pw = o("password").getBytes(StandardCharsets.UTF_8);
        Radius rad = new Radius(Integer.parseInt(o("radius-port")), o("secret").getBytes(StandardCharsets.UTF_8));
        int n = pushes.size();
        long[] lat = new long[n], cb = new long[n];
        int staleRejects = 0, stalePayments = 0, primeNotRejected = 0, retransmits = 0;
        int maxAttempts = 0;
        for (int i = 0; i < n; i++) {
            Push p = pushes.get(i);
            if (prime) {
                Radius.Reply r = rad.auth(p.phone, pw);
                retransmits += r.retransmits;
                if (r.code != 3) {
                    primeNotRejected++;
                }
            }
            long t0 = System.nanoTime();
            int st = deliver(p, direct);
            long t1 = System.nanoTime();
            if (st != 200) {
                fail("callback of " + p.checkout + " answered " + st);
            }
            int attempts = 0;
            while (true) {
                Radius.Reply r = rad.auth(p.phone, pw);
                attempts++;
                retransmits += r.retransmits;
                if (r.code == 2) {
                    break;
                }
                if (System.nanoTime() - t0 > 10_000_000_000L) {
                    fail("no Access-Accept for " + p.phone + " within 10 s of its callback (last code " + r.code + ")");
                }
                staleRejects++;
                Thread.sleep(retryMs);
            }
            long t2 = System.nanoTime();
            lat[i] = t2 - t0;
            cb[i] = t1 - t0;
            maxAttempts = Math.max(maxAttempts, attempts);
            if (attempts > 1) {
                stalePayments++;
            }
        }
        rad.close();
        Arrays.sort(lat);
        Arrays.sort(cb);
        out.printf(Locale.ROOT, "RESULT payments=%d p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f callback_p50_ms=%.1f"
                        + " callback_p99_ms=%.1f stale_rejects=%d stale_payments=%d max_attempts=%d prime=%s prime_not_rejected=%d"
                        + " retransmits=%d via=%s%n", n, ms(pct(lat, 50)), ms(pct(lat, 90)), ms(pct(lat, 99)),
                ms(lat[n - 1]), ms(pct(cb, 50)), ms(pct(cb, 99)), staleRejects, stalePayments, maxAttempts, prime, primeNotRejected,
                retransmits, direct ? "direct" : "sim");
    }

    static long pct(long[] sorted, double p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    // ------------------------------------------------------------------ settle
    static void settle() throws Exception {
        List<Push> pushes = readPushes();
        boolean direct = o("via", "sim").equals("direct");
        int clients = Integer.parseInt(o("clients", "16"));
        int n = pushes.size();
        long[] each = new long[n];
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        long t0 = System.nanoTime();
        runClients(clients, () -> {
            for (int i; (i = next.getAndIncrement()) < n; ) {
                long a = System.nanoTime();
                int st = deliver(pushes.get(i), direct);
                each[i] = System.nanoTime() - a;
                if (st != 200) {
                    errors.add(pushes.get(i).checkout + ": " + st);
                }
            }
        });
        double s = (System.nanoTime() - t0) / 1e9;
        Arrays.sort(each);
        out.printf(Locale.ROOT, "RESULT callbacks=%d errors=%d seconds=%.2f settlements_per_s=%.0f clients=%d"
                        + " callback_p50_ms=%.1f callback_p99_ms=%.1f via=%s%s%n", n, errors.size(), s, n / s, clients,
                ms(pct(each, 50)), ms(pct(each, 99)), direct ? "direct" : "sim",
                errors.isEmpty() ? "" : " first_error=" + errors.peek().replace(' ', '_'));
    }

    // ------------------------------------------------------------------ count
    static void count() {
        Map<String, Integer> byStatus = new TreeMap<>();
        Set<String> ids = new HashSet<>();
        int dupIds = 0;
        for (int page = 0; ; page++) {
            Res r = expect("GET /api/payments", call("GET", "/api/payments?size=200&page=" + page, null, o("token")), 200);
            Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"method\".*?\"status\"\\s*:\\s*\"([a-z]+)\"")
                    .matcher(r.body);
            while (m.find()) {
                if (!ids.add(m.group(1))) {
                    dupIds++;
                }
                byStatus.merge(m.group(2), 1, Integer::sum);
            }
            if (!r.body.contains("\"hasMore\":true")) {
                break;
            }
        }
        StringBuilder sb = new StringBuilder("RESULT total=" + ids.size() + " repeated_ids=" + dupIds);
        for (String s : List.of("pending", "settled", "failed", "cancelled", "unmatched")) {
            sb.append(' ').append(s).append('=').append(byStatus.getOrDefault(s, 0));
        }
        out.println(sb);
    }

    // ------------------------------------------------------------------ RADIUS (PAP + Message-Authenticator)
    static final class Radius implements AutoCloseable {
        record Reply(int code, int retransmits) {
        }

        final DatagramSocket socket;
        final InetAddress server = InetAddress.getLoopbackAddress();
        final int port;
        final byte[] secret;
        final MessageDigest md5;
        final Mac hmac;
        final SecureRandom random = new SecureRandom();
        int ident;

        Radius(int port, byte[] secret) throws Exception {
            this.port = port;
            this.secret = secret;
            socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
            md5 = MessageDigest.getInstance("MD5");
            hmac = Mac.getInstance("HmacMD5");
            hmac.init(new SecretKeySpec(secret, "HmacMD5"));
        }

        /** One Access-Request (retransmitted after 1 s, up to 5 times); 2 = Accept, 3 = Reject. */
        Reply auth(String user, byte[] pw) throws Exception {
            byte[] b = new byte[4096];
            int id = ident = (ident + 1) & 0xff;
            byte[] ra = new byte[16];
            random.nextBytes(ra);
            b[0] = 1;
            b[1] = (byte) id;
            System.arraycopy(ra, 0, b, 4, 16);
            int pos = 20;
            b[pos] = 80;                                  // Message-Authenticator first, zeroed while signing
            b[pos + 1] = 18;
            int maOff = pos + 2;
            pos += 18;
            byte[] u = user.getBytes(StandardCharsets.UTF_8);
            b[pos] = 1;
            b[pos + 1] = (byte) (u.length + 2);
            System.arraycopy(u, 0, b, pos + 2, u.length);
            pos += u.length + 2;
            int padded = Math.max(16, (pw.length + 15) / 16 * 16);   // RFC 2865 §5.2
            b[pos] = 2;
            b[pos + 1] = (byte) (padded + 2);
            int pwOff = pos + 2;
            for (int blk = 0; blk < padded; blk += 16) {
                md5.update(secret);
                if (blk == 0) {
                    md5.update(ra);
                } else {
                    md5.update(b, pwOff + blk - 16, 16);
                }
                byte[] d = md5.digest();
                for (int j = 0; j < 16; j++) {
                    b[pwOff + blk + j] = (byte) ((blk + j < pw.length ? pw[blk + j] : 0) ^ d[j]);
                }
            }
            pos = pwOff + padded;
            b[pos] = 4;                                   // NAS-IP-Address 127.0.0.1
            b[pos + 1] = 6;
            b[pos + 2] = 127;
            b[pos + 5] = 1;
            pos += 6;
            b[pos] = 6;                                   // Service-Type Login-User
            b[pos + 1] = 6;
            b[pos + 5] = 1;
            pos += 6;
            b[2] = (byte) (pos >>> 8);
            b[3] = (byte) pos;
            hmac.update(b, 0, pos);
            hmac.doFinal(b, maOff);
            DatagramPacket req = new DatagramPacket(b, pos, server, port);
            byte[] in = new byte[4096];
            DatagramPacket resp = new DatagramPacket(in, in.length);
            for (int attempt = 0; attempt < 6; attempt++) {
                socket.send(req);
                socket.setSoTimeout(1000);
                long deadline = System.nanoTime() + 1_000_000_000L;
                try {
                    while (true) {
                        socket.receive(resp);
                        int n = resp.getLength();
                        if (n >= 20 && (in[1] & 0xff) == id && verify(in, n, ra)) {
                            return new Reply(in[0] & 0xff, attempt);
                        }
                        long left = (deadline - System.nanoTime()) / 1_000_000;
                        if (left <= 0) {
                            throw new SocketTimeoutException();
                        }
                        socket.setSoTimeout((int) left);
                    }
                } catch (SocketTimeoutException e) {
                    // retransmit the same packet
                }
            }
            throw new IOException("no answer from RADIUS 127.0.0.1:" + port + " for " + user);
        }

        boolean verify(byte[] d, int n, byte[] ra) {
            int length = ((d[2] & 0xff) << 8) | (d[3] & 0xff);
            if (length < 20 || length > n) {
                return false;
            }
            md5.update(d, 0, 4);
            md5.update(ra);
            md5.update(d, 20, length - 20);
            md5.update(secret);
            return Arrays.equals(md5.digest(), 0, 16, d, 4, 20);
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
