import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for WifiCore's Pusher-protocol server (bench/realtime, issue 5). JDK only,
 * one file: {@code java bench/realtime/RtBench.java --scenario a|b|c ...}.
 *
 * <p>The WebSocket clients are a minimal RFC 6455 client on NIO selectors ({@code --loops}
 * threads), so that 10,000 of them cost the client JVM little memory and 400,000 frames/s
 * little CPU. Events are published through the signed Pusher HTTP API
 * ({@code POST /apps/{id}/events}) from the same JVM; the event data carries the publisher's
 * {@code System.nanoTime()} just before the request is written (and the instant it was
 * scheduled), so end-to-end latency is measured on one clock.
 *
 * <ul>
 *   <li>a: hold {@code --connections} (10,000) connections, each subscribed to its own channel,
 *       and divide the server's heap growth after a full GC ({@code jcmd PID GC.run}) by them.</li>
 *   <li>b: soketi's benchmark: 500 users receiving 1 message/s (one shared channel, 1
 *       publish/s; or {@code --mode distinct}: 500 channels, 500 publishes/s) while 500 other
 *       clients connect, subscribe, stay 1–5 s and disconnect, over and over.</li>
 *   <li>c: one channel, 1,000 subscribers, publish rates stepped up until p99 > 50 ms.</li>
 * </ul>
 *
 * {@code --summary FILE...} prints the table of result files written with {@code --out}.
 */
public final class RtBench {

    // ------------------------------------------------------------------ options
    static String host = "127.0.0.1";
    static int wsPort = 16071;
    static int metricsPort = -1;
    static String appId = "bench";
    static String appKey = "bench-key";
    static String appSecret = "bench-secret";
    static long serverPid = -1;
    static int loops = 2;
    static int payload = 100;
    static int publishers = 4;
    static boolean verbose;

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--summary")) {
                for (i++; i < args.length; i++) {
                    files.add(args[i]);
                }
                summary(files);
                return;
            }
            if (!a.startsWith("--")) {
                die("unexpected argument " + a);
            }
            if (a.equals("--verbose")) {
                verbose = true;
                continue;
            }
            if (i + 1 >= args.length) {
                die(a + " needs a value");
            }
            o.put(a.substring(2), args[++i]);
        }
        host = o.getOrDefault("host", host);
        wsPort = Integer.parseInt(o.getOrDefault("ws-port", "" + wsPort));
        metricsPort = Integer.parseInt(o.getOrDefault("metrics-port", "" + metricsPort));
        appId = o.getOrDefault("app-id", appId);
        appKey = o.getOrDefault("key", appKey);
        appSecret = o.getOrDefault("secret", appSecret);
        serverPid = Long.parseLong(o.getOrDefault("server-pid", "-1"));
        jmxPort = Integer.parseInt(o.getOrDefault("jmx-port", "-1"));
        loops = Integer.parseInt(o.getOrDefault("loops", "" + loops));
        payload = Integer.parseInt(o.getOrDefault("payload", "" + payload));
        publishers = Integer.parseInt(o.getOrDefault("publishers", "" + publishers));
        hz = Integer.parseInt(o.getOrDefault("hz", "" + hz));
        quiet = Double.parseDouble(o.getOrDefault("quiet", "" + quiet));
        quietWait = Double.parseDouble(o.getOrDefault("quiet-wait", "" + quietWait));
        String scenario = o.getOrDefault("scenario", "");
        String out = o.get("out");
        if (o.containsKey("floor")) {
            if (!scenario.equals("c")) {
                die("--floor is for scenario c");
            }
            floorServer = new FloorServer(Integer.parseInt(o.get("floor")));
            wsPort = floorServer.port;
            serverPid = -1;
            metricsPort = -1;
            log("floor: a plain NIO writer in this JVM, " + o.get("floor") + " writer thread(s), port " + wsPort
                    + " (no WifiCore, no HTTP: what the machine gives for writing the same frames to these sockets)");
        }
        Engine engine = new Engine(loops);
        Map<String, Object> result;
        try {
            result = switch (scenario) {
                case "a" -> scenarioA(engine, Integer.parseInt(o.getOrDefault("connections", "10000")),
                        Integer.parseInt(o.getOrDefault("hold", "5")), Integer.parseInt(o.getOrDefault("warmup", "1000")));
                case "b" -> scenarioB(engine, o.getOrDefault("mode", "shared"),
                        Integer.parseInt(o.getOrDefault("users", "500")), Integer.parseInt(o.getOrDefault("churners", "500")),
                        Double.parseDouble(o.getOrDefault("duration", "30")), Double.parseDouble(o.getOrDefault("warm", "5")),
                        Double.parseDouble(o.getOrDefault("life-min", "1")), Double.parseDouble(o.getOrDefault("life-max", "5")));
                case "c" -> scenarioC(engine, Integer.parseInt(o.getOrDefault("subscribers", "1000")),
                        o.getOrDefault("rates", "10,25,50,75,100,150,200,400,800,1600,3200"),
                        Double.parseDouble(o.getOrDefault("step-seconds", "5")),
                        Double.parseDouble(o.getOrDefault("max-p99-ms", "50")));
                default -> {
                    die("--scenario a|b|c (or --summary FILE...)");
                    yield null;
                }
            };
        } finally {
            engine.shutdown();
        }
        result.put("load1", load1());
        if (o.containsKey("label")) {
            result.put("label", o.get("label"));
        }
        String json = Json.write(result);
        System.out.println("RESULT " + json);
        if (out != null) {
            Files.writeString(Path.of(out), json + "\n");
        }
        System.exit(0);
    }

    static void die(String message) {
        System.err.println("RtBench: " + message);
        System.exit(2);
    }

    static void log(String message) {
        System.out.printf(Locale.ROOT, "  [%s load %s] %s%n", java.time.LocalTime.now().withNano(0), load1(), message);
        System.out.flush();
    }

    static String load1() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    // ------------------------------------------------------------------ scenario a
    static Map<String, Object> scenarioA(Engine engine, int n, int holdSeconds, int warm) throws Exception {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("scenario", "a");
        r.put("connections", n);
        if (serverPid <= 0) {
            die("scenario a needs --server-pid (the server JVM: its RSS, and jcmd GC.run / GC.heap_info"
                    + " unless --jmx-port is given)");
        }
        log("warm-up: " + warm + " connections opened, subscribed and closed (class loading, pools)");
        Group w = engine.connectAll(warm, i -> "a-warm-" + i, 256, Duration.ofSeconds(60));
        w.closeAll(Duration.ofSeconds(30));
        Thread.sleep(2000);
        waitQuiet("the 10,000 connections");
        Heap before = heap();
        log("0 connections: " + before + "; server connections gauge " + metric("wificore_realtime_connections"));
        long t0 = System.nanoTime();
        Group g = engine.connectAll(n, i -> "a-" + i, 512, Duration.ofSeconds(120));
        double connectS = (System.nanoTime() - t0) / 1e9;
        int subscribed = g.subscribed.get();
        log(subscribed + " of " + n + " connections subscribed in " + fmt(connectS) + " s (" + g.failed.get()
                + " failed); server says " + metric("wificore_realtime_connections") + " connections, "
                + metric("wificore_realtime_subscriptions") + " subscriptions");
        Thread.sleep(2000);
        Heap loaded = heap();
        log(n + " connections: " + loaded);
        log("holding " + holdSeconds + " s");
        Thread.sleep(holdSeconds * 1000L);
        int open = g.open();
        long clientHeap = clientHeapAfterGc();
        g.closeAll(Duration.ofSeconds(60));
        Thread.sleep(2000);
        Heap after = heap();
        log("after closing them: " + after + "; server connections gauge " + metric("wificore_realtime_connections"));
        r.put("subscribed", subscribed);
        r.put("failed", g.failed.get());
        r.put("still_open_after_hold", open);
        r.put("connect_s", round(connectS, 2));
        r.put("heap_before_mb", mb(before.used));
        r.put("heap_loaded_mb", mb(loaded.used));
        r.put("heap_after_close_mb", mb(after.used));
        r.put("heap_committed_loaded_mb", mb(loaded.committed));
        r.put("heap_max_mb", mb(loaded.max));
        r.put("bytes_per_connection", subscribed == 0 ? 0 : (loaded.used - before.used) / subscribed);
        r.put("rss_before_mb", mb(before.rss));
        r.put("rss_loaded_mb", mb(loaded.rss));
        r.put("rss_bytes_per_connection", subscribed == 0 ? 0 : (loaded.rss - before.rss) / subscribed);
        r.put("client_heap_mb", mb(clientHeap));
        r.put("heap_measured_with", jmxPort > 0 ? "JMX MemoryMXBean.gc() x2, heap used" : "jcmd GC.run x2, GC.heap_info used");
        r.put("load1_before", before.load);
        r.put("load1_loaded", loaded.load);
        log(String.format(Locale.ROOT, "heap %.1f MB -> %.1f MB with %d connections: %d bytes per connection"
                        + " (RSS %.0f -> %.0f MB: %d bytes per connection); after closing: %.1f MB",
                mb(before.used), mb(loaded.used), subscribed, r.get("bytes_per_connection"), mb(before.rss),
                mb(loaded.rss), r.get("rss_bytes_per_connection"), mb(after.used)));
        return r;
    }

    record Heap(long used, long committed, long max, long rss, String load) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "heap used %.1f MB (committed %.0f, max %.0f), RSS %.0f MB",
                    mb(used), mb(committed), mb(max), mb(rss));
        }
    }

    static final Pattern HEAP_USED = Pattern.compile("total (?:reserved )?(\\d+)K, (?:committed (\\d+)K, )?used (\\d+)K");

    static int jmxPort = -1;

    /**
     * The server's heap after two full GCs, and its RSS: through JMX ({@code --jmx-port}:
     * MemoryMXBean.gc() and heap usage), else through jcmd ({@code GC.run}, {@code GC.heap_info};
     * needs a writable /tmp for the attach socket).
     */
    static Heap heap() throws Exception {
        String load = load1();
        long used;
        long committed;
        long max;
        if (jmxPort > 0) {
            var url = new javax.management.remote.JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + host + ":" + jmxPort
                    + "/jmxrmi");
            try (var connector = javax.management.remote.JMXConnectorFactory.connect(url)) {
                var memory = ManagementFactory.newPlatformMXBeanProxy(connector.getMBeanServerConnection(),
                        ManagementFactory.MEMORY_MXBEAN_NAME, java.lang.management.MemoryMXBean.class);
                memory.gc();
                memory.gc();
                var usage = memory.getHeapMemoryUsage();
                used = usage.getUsed();
                committed = usage.getCommitted();
                max = usage.getMax();
            }
        } else {
            jcmd("GC.run");
            jcmd("GC.run");
            String info = jcmd("GC.heap_info");
            Matcher m = HEAP_USED.matcher(info);
            if (!m.find()) {
                throw new IllegalStateException("cannot read jcmd GC.heap_info:\n" + info);
            }
            max = Long.parseLong(m.group(1)) * 1024;
            committed = m.group(2) == null ? -1 : Long.parseLong(m.group(2)) * 1024;
            used = Long.parseLong(m.group(3)) * 1024;
        }
        long rss = 0;
        for (String line : Files.readAllLines(Path.of("/proc/" + serverPid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return new Heap(used, committed, max, rss, load);
    }

    static String jcmd(String command) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path jcmd = Path.of(java).resolveSibling("jcmd");
        Process p = new ProcessBuilder(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd", "" + serverPid, command)
                .redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + serverPid + " " + command + " failed:\n" + text);
        }
        return text;
    }

    static long clientHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    // ------------------------------------------------------------------ scenario b
    static Map<String, Object> scenarioB(Engine engine, String mode, int users, int churners, double seconds,
                                         double warmSeconds, double lifeMin, double lifeMax) throws Exception {
        boolean shared = mode.equals("shared");
        if (!shared && !mode.equals("distinct")) {
            die("--mode shared|distinct");
        }
        IntFunction<String> channel = shared ? i -> "bench-b" : i -> "b-" + (i % users);
        double rate = shared ? 1 : users; // each user gets 1 message/s
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("scenario", "b");
        r.put("mode", mode);
        r.put("users", users);
        r.put("churners", churners);
        r.put("publish_rate", rate);
        r.put("seconds", seconds);
        log("b (" + mode + "): " + users + " users" + (shared ? " on channel bench-b" : " on channels b-0..b-" + (users - 1)));
        Group steady = engine.connectAll(users, channel, 256, Duration.ofSeconds(60));
        if (steady.subscribed.get() < users) {
            die("only " + steady.subscribed.get() + " of " + users + " users subscribed");
        }
        Churn churn = new Churn(engine, churners, channel, (long) (lifeMin * 1e9), (long) (lifeMax * 1e9));
        churn.start();
        log("churn: " + churners + " clients connecting, staying " + lifeMin + "–" + lifeMax + " s, disconnecting");
        Publisher pub = new Publisher(publishers);
        waitQuiet("the warm-up");
        pub.run(0, rate, warmSeconds, i -> channel.apply((int) (i % users))); // warm-up, not counted
        double[] serverSent0 = {metric("wificore_realtime_messages_sent_total")};
        long connects0 = churn.connects.get();
        long closes0 = churn.closes.get();
        Cpu cpu0 = Cpu.now();
        String load = load1();
        long t0 = System.nanoTime();
        log("measuring " + seconds + " s at " + rate + " publishes/s");
        PubStats ps = pub.run(1, rate, seconds, i -> channel.apply((int) (i % users)));
        double window = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> cpu = Cpu.now().since(cpu0);
        long connects = churn.connects.get() - connects0;
        long closes = churn.closes.get() - closes0;
        Thread.sleep(1000); // in-flight deliveries of the last publishes
        churn.stop();
        Recv rc = engine.collect(1);
        double serverSent = metric("wificore_realtime_messages_sent_total") - serverSent0[0];
        long expectedSteady = ps.ok * (shared ? users : 1);
        r.put("published", ps.sent);
        r.put("publish_errors", ps.errors);
        r.put("publish_lag_p99_ms", ms(ps.lag.percentile(99)));
        r.put("publish_http_p50_ms", ms(ps.http.percentile(50)));
        r.put("publish_http_p99_ms", ms(ps.http.percentile(99)));
        r.put("delivered", rc.count);
        r.put("delivered_steady", rc.countSteady);
        r.put("expected_steady", expectedSteady);
        r.put("delivered_per_s", Math.round(rc.count / window));
        r.put("server_sent_per_s", Math.round(serverSent / window));
        r.put("p50_ms", ms(rc.lat.percentile(50)));
        r.put("p90_ms", ms(rc.lat.percentile(90)));
        r.put("p99_ms", ms(rc.lat.percentile(99)));
        r.put("max_ms", ms(rc.lat.max()));
        r.put("avg_ms", ms(rc.lat.mean()));
        r.put("p99_from_schedule_ms", ms(rc.fromSched.percentile(99)));
        r.put("steady_p99_ms", ms(rc.latSteady.percentile(99)));
        r.put("churn_connects_per_s", round(connects / window, 1));
        r.put("churn_disconnects_per_s", round(closes / window, 1));
        r.put("churn_failures", churn.failures.get());
        r.put("unexpected_closes", steady.unexpectedCloses.get());
        r.put("cpu_cores", cpu);
        r.put("load1_start", load);
        log(cores(cpu));
        log(String.format(Locale.ROOT, "b (%s): %d events published (%d errors), %d messages delivered = %d/s"
                        + " (server counted %d/s); users got %d of %d; latency p50 %.2f ms, p99 %.2f ms, max %.2f ms;"
                        + " churn %.0f connects/s, %d failures",
                mode, ps.sent, ps.errors, rc.count, r.get("delivered_per_s"), r.get("server_sent_per_s"),
                rc.countSteady, expectedSteady, r.get("p50_ms"), r.get("p99_ms"), r.get("max_ms"),
                connects / window, churn.failures.get()));
        steady.closeAll(Duration.ofSeconds(20));
        churn.group.closeAll(Duration.ofSeconds(20));
        return r;
    }

    /** Clients that connect, subscribe, stay a random while, disconnect and start again. */
    static final class Churn {
        final Engine engine;
        final int slots;
        final IntFunction<String> channel;
        final long lifeMin;
        final long lifeMax;
        final Group group;
        final AtomicLong connects = new AtomicLong();
        final AtomicLong closes = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        volatile boolean running;

        Churn(Engine engine, int slots, IntFunction<String> channel, long lifeMin, long lifeMax) {
            this.engine = engine;
            this.slots = slots;
            this.channel = channel;
            this.lifeMin = lifeMin;
            this.lifeMax = lifeMax;
            this.group = new Group(engine, slots, Role.CHURN);
        }

        void start() {
            running = true;
            for (int i = 0; i < slots; i++) {
                // spread the first connects over the shortest lifetime
                long delay = ThreadLocalRandom.current().nextLong(Math.max(1, lifeMin));
                spawn(i, delay);
            }
        }

        void spawn(int slot, long delayNanos) {
            Loop loop = engine.loop(slot);
            loop.schedule(delayNanos, () -> {
                if (!running) {
                    return;
                }
                Conn c = new Conn(group, slot, channel.apply(slot), Role.CHURN);
                c.onSubscribed = conn -> {
                    connects.incrementAndGet();
                    long life = lifeMin + ThreadLocalRandom.current().nextLong(Math.max(1, lifeMax - lifeMin));
                    conn.loop.schedule(life, conn::closeGracefully);
                };
                c.onClosed = conn -> {
                    if (conn.closeSent) {
                        closes.incrementAndGet();
                    } else {
                        failures.incrementAndGet();
                        if (failures.get() <= 5) {
                            log("churn client closed unexpectedly: " + conn.why);
                        }
                    }
                    group.remove(conn);
                    spawn(slot, 0);
                };
                group.add(c);
                loop.connect(c);
            });
        }

        void stop() {
            running = false;
        }
    }

    // ------------------------------------------------------------------ scenario c
    static Map<String, Object> scenarioC(Engine engine, int subscribers, String rates, double stepSeconds,
                                         double maxP99) throws Exception {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("scenario", "c");
        r.put("subscribers", subscribers);
        r.put("step_seconds", stepSeconds);
        log("c: " + subscribers + " subscribers on channel bench-c");
        Group g = engine.connectAll(subscribers, i -> "bench-c", 256, Duration.ofSeconds(60));
        if (g.subscribed.get() < subscribers) {
            die("only " + g.subscribed.get() + " of " + subscribers + " subscribed");
        }
        Pub pub = floorServer != null ? floorServer : new Publisher(publishers);
        r.put("floor", floorServer != null);
        pub.run(0, 50, 3, i -> "bench-c"); // warm-up (JIT), not counted
        Thread.sleep(500);
        List<Map<String, Object>> steps = new ArrayList<>();
        int step = 1;
        long best = 0;
        for (String s : rates.split(",")) {
            double rate = Double.parseDouble(s.trim());
            waitQuiet("step " + step);
            double sent0 = metric("wificore_realtime_messages_sent_total");
            String load = load1();
            Cpu cpu0 = Cpu.now();
            long t0 = System.nanoTime();
            PubStats ps = pub.run(step, rate, stepSeconds, i -> "bench-c");
            double window = (System.nanoTime() - t0) / 1e9;
            Map<String, Object> cpu = Cpu.now().since(cpu0);
            Recv rc = engine.awaitStep(step, ps.ok * subscribers, Duration.ofSeconds(3));
            double serverSent = metric("wificore_realtime_messages_sent_total") - sent0;
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("rate", rate);
            st.put("published", ps.sent);
            st.put("publish_errors", ps.errors);
            st.put("published_per_s", Math.round(ps.sent / window));
            st.put("delivered", rc.count);
            st.put("expected", ps.ok * subscribers);
            st.put("delivered_per_s", Math.round(rc.count / window));
            st.put("server_sent_per_s", Math.round(serverSent / window));
            st.put("p50_ms", ms(rc.lat.percentile(50)));
            st.put("p99_ms", ms(rc.lat.percentile(99)));
            st.put("max_ms", ms(rc.lat.max()));
            st.put("p99_from_schedule_ms", ms(rc.fromSched.percentile(99)));
            st.put("publish_http_p99_ms", ms(ps.http.percentile(99)));
            st.put("publish_lag_p99_ms", ms(ps.lag.percentile(99)));
            st.put("closed", g.unexpectedCloses.get());
            st.put("load1", load);
            st.put("cpu_cores", cpu);
            steps.add(st);
            log(String.format(Locale.ROOT, "c step %d: %.0f publishes/s asked, %d/s made, %d delivered of %d = %d msgs/s"
                            + " (server %d/s); p50 %.2f ms, p99 %.2f ms, max %.1f ms (p99 from schedule %.2f ms);"
                            + " publish p99 %.2f ms, lag p99 %.2f ms; %s",
                    step, rate, st.get("published_per_s"), rc.count, ps.ok * subscribers, st.get("delivered_per_s"),
                    st.get("server_sent_per_s"), st.get("p50_ms"), st.get("p99_ms"), st.get("max_ms"),
                    st.get("p99_from_schedule_ms"), st.get("publish_http_p99_ms"), st.get("publish_lag_p99_ms"), cores(cpu)));
            boolean complete = rc.count >= ps.ok * subscribers && ps.errors == 0;
            double p99 = (double) st.get("p99_ms");
            if (complete && p99 <= maxP99) {
                best = Math.max(best, (long) st.get("delivered_per_s"));
            }
            step++;
            if (p99 > maxP99) {
                log("p99 above " + maxP99 + " ms: stop");
                st.put("stop", "p99 > " + maxP99 + " ms");
                break;
            }
            if (!complete) {
                log("messages missing or publish errors: stop");
                st.put("stop", "incomplete");
                break;
            }
            if (g.unexpectedCloses.get() > 0) {
                log("subscribers were closed by the server: stop");
                st.put("stop", "closed");
                break;
            }
            if ((long) st.get("published_per_s") < rate * 0.9) {
                log("the publisher could not keep the rate: stop");
                st.put("stop", "publisher");
                break;
            }
            Thread.sleep(500);
        }
        r.put("steps", steps);
        r.put("max_delivered_per_s_within_p99", best);
        g.closeAll(Duration.ofSeconds(20));
        return r;
    }

    // ------------------------------------------------------------------ publisher (HTTP API)
    record PubStats(long sent, long ok, long errors, Hist lag, Hist http) {
    }

    interface Pub {
        PubStats run(int step, double rate, double seconds, java.util.function.LongFunction<String> channel)
                throws InterruptedException;
    }

    /** Open-loop publisher: event i is due at t0 + i/rate; {@code threads} keep-alive connections. */
    static final class Publisher implements Pub {
        final int threads;
        final List<HttpPub> conns = new ArrayList<>();
        final String pad;

        Publisher(int threads) throws IOException {
            this.threads = threads;
            for (int i = 0; i < threads; i++) {
                conns.add(new HttpPub());
            }
            this.pad = "x".repeat(Math.max(0, payload - 44));
        }

        @Override
        public PubStats run(int step, double rate, double seconds, java.util.function.LongFunction<String> channel)
                throws InterruptedException {
            long total = Math.max(1, Math.round(rate * seconds));
            double period = 1e9 / rate;
            long t0 = System.nanoTime() + 5_000_000;
            AtomicLong next = new AtomicLong();
            AtomicLong ok = new AtomicLong();
            AtomicLong errors = new AtomicLong();
            Hist lag = new Hist();
            Hist http = new Hist();
            List<Thread> ts = new ArrayList<>();
            for (HttpPub conn : conns) {
                ts.add(Thread.ofPlatform().name("publisher").start(() -> {
                    Hist myLag = new Hist();
                    Hist myHttp = new Hist();
                    long i;
                    while ((i = next.getAndIncrement()) < total) {
                        long due = t0 + (long) (i * period);
                        long wait;
                        while ((wait = due - System.nanoTime()) > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        long now = System.nanoTime();
                        myLag.add(now - due);
                        String data = "t" + now + "s" + due + "k" + step + "p" + pad;
                        try {
                            int status = conn.publish(channel.apply(i), data);
                            if (status == 200) {
                                ok.incrementAndGet();
                            } else {
                                errors.incrementAndGet();
                                if (errors.get() <= 3) {
                                    log("publish answered " + status + ": " + conn.lastBody);
                                }
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                            if (errors.get() <= 3) {
                                log("publish failed: " + e);
                            }
                            conn.reset();
                        }
                        myHttp.add(System.nanoTime() - now);
                    }
                    synchronized (lag) {
                        lag.merge(myLag);
                        http.merge(myHttp);
                    }
                }));
            }
            for (Thread t : ts) {
                t.join();
            }
            return new PubStats(total, ok.get(), errors.get(), lag, http);
        }
    }

    /** One keep-alive HTTP/1.1 connection to the Pusher HTTP API. */
    static final class HttpPub {
        Socket socket;
        InputStream in;
        OutputStream out;
        final Mac mac;
        final MessageDigest md5;
        final HexFormat hex = HexFormat.of();
        String lastBody = "";

        HttpPub() {
            try {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                md5 = MessageDigest.getInstance("MD5");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        void reset() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }

        int publish(String channel, String data) throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(host, wsPort), 5000);
                socket.setSoTimeout(30_000);
                in = new BufferedInputStream(socket.getInputStream(), 8192);
                out = socket.getOutputStream();
            }
            String path = "/apps/" + appId + "/events";
            byte[] body = ("{\"name\":\"bench\",\"channel\":\"" + channel + "\",\"data\":\"" + data + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            String query = "auth_key=" + appKey + "&auth_timestamp=" + (System.currentTimeMillis() / 1000)
                    + "&auth_version=1.0&body_md5=" + hex.formatHex(md5.digest(body));
            String sig = hex.formatHex(mac.doFinal(("POST\n" + path + "\n" + query).getBytes(StandardCharsets.UTF_8)));
            byte[] head = ("POST " + path + "?" + query + "&auth_signature=" + sig + " HTTP/1.1\r\nHost: " + host + ":"
                    + wsPort + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] req = new byte[head.length + body.length];
            System.arraycopy(head, 0, req, 0, head.length);
            System.arraycopy(body, 0, req, head.length, body.length);
            out.write(req);
            out.flush();
            // status line and headers
            StringBuilder line = new StringBuilder();
            int status = -1;
            int length = 0;
            boolean close = false;
            while (true) {
                int ch = in.read();
                if (ch < 0) {
                    throw new IOException("connection closed by the server");
                }
                if (ch == '\n') {
                    String l = line.toString().trim();
                    line.setLength(0);
                    if (l.isEmpty()) {
                        break;
                    }
                    if (status < 0) {
                        status = Integer.parseInt(l.split(" ")[1]);
                    } else {
                        String lower = l.toLowerCase(Locale.ROOT);
                        if (lower.startsWith("content-length:")) {
                            length = Integer.parseInt(lower.substring(15).trim());
                        } else if (lower.startsWith("connection:") && lower.contains("close")) {
                            close = true;
                        }
                    }
                } else {
                    line.append((char) ch);
                }
            }
            byte[] b = in.readNBytes(length);
            if (status != 200) {
                lastBody = new String(b, StandardCharsets.UTF_8);
            }
            if (close) {
                reset();
            }
            return status;
        }
    }

    // ------------------------------------------------------------------ CPU accounting
    static int hz = 100;

    /** Jiffies of the whole machine (busy), of the server JVM and of this JVM, at one instant. */
    record Cpu(long t, long machine, long server, long client) {
        static Cpu now() {
            long server = procJiffies(serverPid);
            long client = procJiffies(ProcessHandle.current().pid());
            if (floorServer != null) { // the floor's writer threads stand in for the server: count them as such
                server = floorServer.cpuNanos() * hz / 1_000_000_000L;
                client -= server;
            }
            return new Cpu(System.nanoTime(), machineBusy(), server, client);
        }

        /** Cores used since {@code before}: server, client (this JVM) and everything else on the machine. */
        Map<String, Object> since(Cpu before) {
            double s = (t - before.t) / 1e9 * hz;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("server", round((server - before.server) / s, 2));
            m.put("client", round((client - before.client) / s, 2));
            m.put("others", round(((machine - before.machine) - (server - before.server) - (client - before.client)) / s, 2));
            return m;
        }

        static long machineBusy() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
                // user nice system idle iowait irq softirq steal
                return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                        + Long.parseLong(f[7]) + Long.parseLong(f[8]);
            } catch (Exception e) {
                return 0;
            }
        }

        static long procJiffies(long pid) {
            if (pid <= 0) {
                return 0;
            }
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime stime
            } catch (Exception e) {
                return 0;
            }
        }
    }

    static double quiet = 0;
    static double quietWait = 30;

    /**
     * The machine is shared: waits (at most --quiet-wait s) until processes other than the
     * server and this JVM use less than --quiet cores, measured over 1 s; 0 = do not wait.
     */
    static void waitQuiet(String what) throws InterruptedException {
        if (quiet <= 0) {
            return;
        }
        long deadline = System.nanoTime() + (long) (quietWait * 1e9);
        double others = 0;
        while (System.nanoTime() < deadline) {
            Cpu a = Cpu.now();
            Thread.sleep(1000);
            others = (double) Cpu.now().since(a).get("others");
            if (others < quiet) {
                return;
            }
        }
        log("machine still busy before " + what + ": other processes use " + others + " cores; measuring anyway");
    }

    static String cores(Map<String, Object> cpu) {
        return "CPU cores: server " + cpu.get("server") + ", client " + cpu.get("client") + ", others " + cpu.get("others");
    }

    // ------------------------------------------------------------------ metrics
    static final HttpClient METRICS = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Sum of a Prometheus metric over all its series (NaN when the metrics port is unknown or down). */
    static double metric(String name) {
        return metricSum(name, "");
    }

    static double metricSum(String name, String labelFilter) {
        if (metricsPort <= 0) {
            return Double.NaN;
        }
        try {
            String text = METRICS.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + metricsPort + "/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
            double sum = 0;
            boolean found = false;
            for (String line : text.split("\n")) {
                if (line.startsWith(name) && (line.length() > name.length())
                        && (line.charAt(name.length()) == '{' || line.charAt(name.length()) == ' ')
                        && line.contains(labelFilter)) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    found = true;
                }
            }
            return found ? sum : Double.NaN;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    // ------------------------------------------------------------------ WebSocket client engine
    enum Role { STEADY, CHURN }

    /** What the loops received for one step (event data carries the step number). */
    record Recv(long count, long countSteady, Hist lat, Hist latSteady, Hist fromSched) {
    }

    static final class Engine {
        final Loop[] loops;
        final InetSocketAddress address;

        Engine(int n) throws IOException {
            address = new InetSocketAddress(host, wsPort);
            loops = new Loop[n];
            for (int i = 0; i < n; i++) {
                loops[i] = new Loop(this, i);
                Thread t = new Thread(loops[i], "ws-loop-" + i);
                t.setDaemon(true);
                t.start();
            }
        }

        Loop loop(int i) {
            return loops[Math.floorMod(i, loops.length)];
        }

        /** Opens n connections, each subscribing to channel.apply(i), at most inFlight handshakes at a time. */
        Group connectAll(int n, IntFunction<String> channel, int inFlight, Duration timeout) throws InterruptedException {
            Group g = new Group(this, n, Role.STEADY);
            java.util.concurrent.Semaphore permits = new java.util.concurrent.Semaphore(inFlight);
            long deadline = System.nanoTime() + timeout.toNanos();
            for (int i = 0; i < n; i++) {
                if (!permits.tryAcquire(Math.max(1, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS)) {
                    log("connecting: timed out after " + i + " connections");
                    break;
                }
                Conn c = new Conn(g, i, channel.apply(i), Role.STEADY);
                c.onSubscribed = conn -> permits.release();
                c.onClosed = conn -> {
                    if (!conn.wasSubscribed) {
                        permits.release();
                        g.failed.incrementAndGet();
                        if (g.failed.get() <= 5) {
                            log("connection " + conn.index + " failed: " + conn.why);
                        }
                    } else if (!conn.closeSent) {
                        g.unexpectedCloses.incrementAndGet();
                        if (g.unexpectedCloses.get() <= 5) {
                            log("connection " + conn.index + " closed by the server: " + conn.why);
                        }
                    }
                    g.remove(conn);
                };
                g.add(c);
                loop(i).submit(() -> loop(c.index).connect(c));
            }
            while (g.subscribed.get() + g.failed.get() < g.size() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            return g;
        }

        Recv collect(int step) {
            long count = 0;
            long steady = 0;
            Hist lat = new Hist();
            Hist latSteady = new Hist();
            Hist sched = new Hist();
            for (Loop l : loops) {
                long ignored = l.seq; // volatile read: everything the loop recorded before is visible
                if (ignored < 0) {
                    throw new IllegalStateException();
                }
                StepStats s = l.steps[step];
                if (s == null) {
                    continue;
                }
                count += s.count;
                steady += s.countSteady;
                lat.merge(s.lat);
                latSteady.merge(s.latSteady);
                sched.merge(s.sched);
            }
            return new Recv(count, steady, lat, latSteady, sched);
        }

        /** Waits until {@code expected} messages of the step arrived (or the grace time ran out). */
        Recv awaitStep(int step, long expected, Duration grace) throws InterruptedException {
            long deadline = System.nanoTime() + grace.toNanos();
            Recv r = collect(step);
            while (r.count < expected && System.nanoTime() < deadline) {
                Thread.sleep(20);
                r = collect(step);
            }
            Thread.sleep(50);
            return collect(step);
        }

        void shutdown() {
            for (Loop l : loops) {
                l.running = false;
                l.selector.wakeup();
            }
        }
    }

    /** Connections opened together; counts of their fate. */
    static final class Group {
        final Engine engine;
        final int expected;
        final Role role;
        final Map<Conn, Boolean> conns = new ConcurrentHashMap<>();
        final AtomicInteger subscribed = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger unexpectedCloses = new AtomicInteger();

        Group(Engine engine, int expected, Role role) {
            this.engine = engine;
            this.expected = expected;
            this.role = role;
        }

        int size() {
            return expected;
        }

        void add(Conn c) {
            conns.put(c, Boolean.TRUE);
        }

        void remove(Conn c) {
            conns.remove(c);
        }

        int open() {
            return (int) conns.keySet().stream().filter(c -> c.state == Conn.OPEN).count();
        }

        /** WebSocket close from the client; the server answers and closes TCP (so TIME_WAIT stays on its side). */
        void closeAll(Duration timeout) throws InterruptedException {
            for (Conn c : conns.keySet()) {
                c.loop.submit(c::closeGracefully);
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!conns.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            for (Conn c : conns.keySet()) {
                c.loop.submit(() -> c.abort("closed at the end"));
            }
        }
    }

    static final class StepStats {
        long count;
        long countSteady;
        final Hist lat = new Hist();
        final Hist latSteady = new Hist();
        final Hist sched = new Hist();
    }

    static final byte[] HANDSHAKE_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] EV_ESTABLISHED = "{\"event\":\"pusher:connection_established\"".getBytes(StandardCharsets.US_ASCII);
    static final byte[] EV_SUBSCRIBED = "{\"event\":\"pusher_internal:subscription_succeeded\"".getBytes(StandardCharsets.US_ASCII);
    static final byte[] EV_PING = "{\"event\":\"pusher:ping\"".getBytes(StandardCharsets.US_ASCII);
    static final byte[] EV_BENCH = "{\"event\":\"bench\"".getBytes(StandardCharsets.US_ASCII);
    static final byte[] DATA_MARK = "\"data\":\"t".getBytes(StandardCharsets.US_ASCII);

    /** One selector thread and the connections registered with it. */
    static final class Loop implements Runnable {
        final Engine engine;
        final int id;
        final Selector selector;
        final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
        final PriorityQueue<Timer> timers = new PriorityQueue<>();
        final ByteBuffer in = ByteBuffer.allocate(1 << 18);
        final StepStats[] steps = new StepStats[256];
        volatile long seq;
        volatile boolean running = true;
        long timerSeq;

        record Timer(long at, long seq, Runnable task) implements Comparable<Timer> {
            @Override
            public int compareTo(Timer o) {
                return at != o.at ? Long.compare(at, o.at) : Long.compare(seq, o.seq);
            }
        }

        Loop(Engine engine, int id) throws IOException {
            this.engine = engine;
            this.id = id;
            this.selector = Selector.open();
        }

        void submit(Runnable r) {
            tasks.add(r);
            selector.wakeup();
        }

        /** Runs {@code r} on this loop after {@code delayNanos} (from any thread). */
        void schedule(long delayNanos, Runnable r) {
            long at = System.nanoTime() + delayNanos;
            submit(() -> timers.add(new Timer(at, timerSeq++, r)));
        }

        @Override
        public void run() {
            while (running) {
                try {
                    long timeout = 0;
                    Timer first = timers.peek();
                    if (first != null) {
                        timeout = Math.max(1, (first.at - System.nanoTime()) / 1_000_000);
                    }
                    if (tasks.isEmpty()) {
                        selector.select(timeout);
                    } else {
                        selector.selectNow();
                    }
                    for (SelectionKey k : selector.selectedKeys()) {
                        Conn c = (Conn) k.attachment();
                        try {
                            if (!k.isValid()) {
                                continue;
                            }
                            if (k.isConnectable()) {
                                c.finishConnect();
                            }
                            if (k.isValid() && k.isReadable()) {
                                c.read(in);
                            }
                            if (k.isValid() && k.isWritable()) {
                                c.flush();
                            }
                        } catch (IOException | RuntimeException e) {
                            c.abort(e.toString());
                        }
                    }
                    selector.selectedKeys().clear();
                    Runnable r;
                    while ((r = tasks.poll()) != null) {
                        r.run();
                    }
                    long now = System.nanoTime();
                    while ((first = timers.peek()) != null && first.at <= now) {
                        timers.poll().task.run();
                    }
                } catch (IOException | RuntimeException e) {
                    log("loop " + id + ": " + e);
                }
            }
        }

        void connect(Conn c) {
            c.loop = this;
            try {
                SocketChannel ch = SocketChannel.open();
                c.ch = ch;
                ch.configureBlocking(false);
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                if (ch.connect(engine.address)) {
                    c.key = ch.register(selector, SelectionKey.OP_READ, c);
                    c.connected();
                } else {
                    c.key = ch.register(selector, SelectionKey.OP_CONNECT, c);
                }
            } catch (IOException e) {
                c.abort("connect: " + e);
            }
        }

        void record(Conn c, byte[] a, int off, int len) {
            long now = System.nanoTime();
            int p = indexOf(a, off, off + len, DATA_MARK);
            if (p < 0) {
                return;
            }
            p += DATA_MARK.length;
            long sent = 0;
            while (a[p] >= '0' && a[p] <= '9') {
                sent = sent * 10 + (a[p++] - '0');
            }
            p++; // 's'
            long due = 0;
            while (a[p] >= '0' && a[p] <= '9') {
                due = due * 10 + (a[p++] - '0');
            }
            p++; // 'k'
            int step = 0;
            while (a[p] >= '0' && a[p] <= '9') {
                step = step * 10 + (a[p++] - '0');
            }
            StepStats s = steps[step];
            if (s == null) {
                s = steps[step] = new StepStats();
            }
            s.count++;
            s.lat.add(now - sent);
            s.sched.add(now - due);
            if (c.role == Role.STEADY) {
                s.countSteady++;
                s.latSteady.add(now - sent);
            }
            seq = seq + 1;
        }
    }

    static int indexOf(byte[] a, int from, int to, byte[] needle) {
        outer:
        for (int i = from; i <= to - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (a[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static boolean startsWith(byte[] a, int off, int len, byte[] prefix) {
        if (len < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (a[off + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** One WebSocket client connection; touched only on its loop's thread. */
    static final class Conn {
        static final int CONNECTING = 0, HANDSHAKE = 1, OPEN = 2, CLOSING = 3, CLOSED = 4;
        final Group group;
        final int index;
        final String channel;
        final Role role;
        Loop loop;
        SocketChannel ch;
        SelectionKey key;
        volatile int state = CONNECTING;
        byte[] carry;
        int carryLen;
        ArrayDeque<ByteBuffer> pending;
        boolean wasSubscribed;
        boolean closeSent;
        String why = "";
        java.util.function.Consumer<Conn> onSubscribed = c -> { };
        java.util.function.Consumer<Conn> onClosed = c -> { };

        Conn(Group group, int index, String channel, Role role) {
            this.group = group;
            this.index = index;
            this.channel = channel;
            this.role = role;
        }

        void finishConnect() throws IOException {
            if (ch.finishConnect()) {
                key.interestOps(SelectionKey.OP_READ);
                connected();
            }
        }

        void connected() {
            if (floorServer != null) { // raw frames from the floor writer: no handshake, no subscribe
                state = OPEN;
                wasSubscribed = true;
                group.subscribed.incrementAndGet();
                onSubscribed.accept(this);
                return;
            }
            state = HANDSHAKE;
            byte[] nonce = new byte[16];
            ThreadLocalRandom.current().nextBytes(nonce);
            write(ByteBuffer.wrap(("GET /app/" + appKey + "?protocol=7&client=rtbench&version=1 HTTP/1.1\r\nHost: "
                    + host + ":" + wsPort + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                    + java.util.Base64.getEncoder().encodeToString(nonce) + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII)));
        }

        void read(ByteBuffer in) throws IOException {
            in.clear();
            if (carryLen > 0) {
                in.put(carry, 0, carryLen);
                carryLen = 0;
            }
            int n = ch.read(in);
            if (n < 0) {
                abort(closeSent ? "closed" : "the server closed the connection" + (why.isEmpty() ? "" : " (" + why + ")"));
                return;
            }
            byte[] a = in.array();
            int end = in.position();
            int p = 0;
            if (state == HANDSHAKE) {
                int h = indexOf(a, 0, end, HANDSHAKE_END);
                if (h < 0) {
                    keep(a, 0, end);
                    return;
                }
                String status = new String(a, 0, Math.min(h, 40), StandardCharsets.US_ASCII);
                if (!status.startsWith("HTTP/1.1 101")) {
                    abort("handshake refused: " + status.lines().findFirst().orElse(""));
                    return;
                }
                state = OPEN;
                p = h + 4;
            }
            while (p < end && state != CLOSED) {
                if (end - p < 2) {
                    break;
                }
                int b0 = a[p] & 0xff;
                int b1 = a[p + 1] & 0xff;
                int hdr = 2;
                long len = b1 & 0x7f;
                if (len == 126) {
                    if (end - p < 4) {
                        break;
                    }
                    len = ((a[p + 2] & 0xff) << 8) | (a[p + 3] & 0xff);
                    hdr = 4;
                } else if (len == 127) {
                    if (end - p < 10) {
                        break;
                    }
                    len = ByteBuffer.wrap(a, p + 2, 8).getLong();
                    hdr = 10;
                }
                if ((b1 & 0x80) != 0) {
                    hdr += 4; // a masked server frame would be a protocol error; skip the key anyway
                }
                if (len > in.capacity() / 2) {
                    abort("frame of " + len + " bytes");
                    return;
                }
                if (end - p < hdr + len) {
                    break;
                }
                frame(b0 & 0x0f, a, p + hdr, (int) len);
                p += hdr + (int) len;
            }
            if (p < end && state != CLOSED) {
                keep(a, p, end - p);
            }
        }

        void keep(byte[] a, int off, int len) {
            if (carry == null || carry.length < len) {
                carry = new byte[Math.max(len, 512)];
            }
            System.arraycopy(a, off, carry, 0, len);
            carryLen = len;
        }

        void frame(int opcode, byte[] a, int off, int len) {
            switch (opcode) {
                case 1 -> text(a, off, len);
                case 8 -> {
                    int code = len >= 2 ? ((a[off] & 0xff) << 8) | (a[off + 1] & 0xff) : 1005;
                    why = "close " + code + (len > 2 ? " " + new String(a, off + 2, len - 2, StandardCharsets.UTF_8) : "");
                    if (!closeSent) {
                        send(8, new byte[]{(byte) (code >> 8), (byte) code});
                        state = CLOSING;
                    }
                    // the server closes TCP after its close frame; read() sees the end
                }
                case 9 -> send(10, java.util.Arrays.copyOfRange(a, off, off + len));
                default -> {
                    // pong, binary, continuation: not used by the server
                }
            }
        }

        void text(byte[] a, int off, int len) {
            if (startsWith(a, off, len, EV_BENCH)) {
                loop.record(this, a, off, len);
            } else if (startsWith(a, off, len, EV_ESTABLISHED)) {
                send(1, ("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\"}}")
                        .getBytes(StandardCharsets.US_ASCII));
            } else if (startsWith(a, off, len, EV_SUBSCRIBED)) {
                if (!wasSubscribed) {
                    wasSubscribed = true;
                    group.subscribed.incrementAndGet();
                    onSubscribed.accept(this);
                }
            } else if (startsWith(a, off, len, EV_PING)) {
                send(1, "{\"event\":\"pusher:pong\",\"data\":{}}".getBytes(StandardCharsets.US_ASCII));
            } else {
                String t = new String(a, off, Math.min(len, 300), StandardCharsets.UTF_8);
                if (t.contains("error")) {
                    why = t;
                    if (verbose) {
                        log("connection " + index + ": " + t);
                    }
                }
            }
        }

        /** A masked client frame. */
        void send(int opcode, byte[] payload) {
            int len = payload.length;
            int hdr = len < 126 ? 2 : 4;
            ByteBuffer b = ByteBuffer.allocate(hdr + 4 + len);
            b.put((byte) (0x80 | opcode));
            if (len < 126) {
                b.put((byte) (0x80 | len));
            } else {
                b.put((byte) (0x80 | 126)).putShort((short) len);
            }
            int mask = ThreadLocalRandom.current().nextInt();
            b.putInt(mask);
            for (int i = 0; i < len; i++) {
                b.put((byte) (payload[i] ^ (mask >>> (8 * (3 - (i & 3))))));
            }
            b.flip();
            write(b);
        }

        void write(ByteBuffer b) {
            if (state == CLOSED) {
                return;
            }
            try {
                if (pending == null || pending.isEmpty()) {
                    ch.write(b);
                    if (!b.hasRemaining()) {
                        return;
                    }
                    if (pending == null) {
                        pending = new ArrayDeque<>();
                    }
                    key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
                }
                pending.add(b);
            } catch (IOException e) {
                abort("write: " + e);
            }
        }

        void flush() throws IOException {
            while (pending != null && !pending.isEmpty()) {
                ByteBuffer b = pending.peek();
                ch.write(b);
                if (b.hasRemaining()) {
                    return;
                }
                pending.poll();
            }
            key.interestOps(SelectionKey.OP_READ);
        }

        void closeGracefully() {
            if (floorServer != null) {
                closeSent = true;
                abort("closed");
                return;
            }
            if (state == OPEN && !closeSent) {
                closeSent = true;
                send(8, new byte[]{0x03, (byte) 0xe8}); // 1000
                state = CLOSING;
                loop.schedule(5_000_000_000L, () -> abort("no close from the server within 5 s"));
            } else if (state != CLOSED && state != CLOSING) {
                closeSent = true;
                abort("closed before it was open");
            }
        }

        void abort(String reason) {
            if (state == CLOSED) {
                return;
            }
            if (why.isEmpty() || !reason.equals("closed")) {
                why = why.isEmpty() ? reason : why + "; " + reason;
            }
            state = CLOSED;
            try {
                if (key != null) {
                    key.cancel();
                }
                if (ch != null) {
                    ch.close();
                }
            } catch (IOException ignored) {
                // closed anyway
            }
            carry = null;
            pending = null;
            onClosed.accept(this);
        }
    }

    // ------------------------------------------------------------------ calibration: the floor
    static FloorServer floorServer;

    /**
     * Calibration ({@code --floor N}): instead of WifiCore, N plain threads in this JVM write
     * the same text frames (header + bytes encoded once per publish) to every accepted socket,
     * one write system call per socket per publish, as a server at its cheapest would; no
     * HTTP, no handshake. The subscribers are the same client. What this gives on the machine
     * is a floor for any server with the client on the same cores.
     */
    static final class FloorServer implements Pub {
        final java.nio.channels.ServerSocketChannel listener;
        final int port;
        final Writer[] writers;
        final String pad = "x".repeat(Math.max(0, payload - 44));
        int accepted;

        static final class Writer extends Thread {
            final List<SocketChannel> sockets = new java.util.concurrent.CopyOnWriteArrayList<>();
            final java.util.concurrent.LinkedBlockingQueue<byte[]> frames = new java.util.concurrent.LinkedBlockingQueue<>();

            Writer(int i) {
                super("floor-writer-" + i);
                setDaemon(true);
            }

            @Override
            public void run() {
                try {
                    while (true) {
                        byte[] frame = frames.take();
                        for (SocketChannel ch : sockets) {
                            ByteBuffer b = ByteBuffer.wrap(frame);
                            while (b.hasRemaining()) {
                                if (ch.write(b) == 0) {
                                    Thread.onSpinWait();
                                }
                            }
                        }
                    }
                } catch (InterruptedException | IOException e) {
                    log("floor writer: " + e);
                }
            }
        }

        FloorServer(int threads) throws IOException {
            listener = java.nio.channels.ServerSocketChannel.open();
            listener.bind(new InetSocketAddress("127.0.0.1", 0), 4096);
            port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
            writers = new Writer[threads];
            for (int i = 0; i < threads; i++) {
                writers[i] = new Writer(i);
                writers[i].start();
            }
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        SocketChannel ch = listener.accept();
                        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                        ch.configureBlocking(false);
                        writers[accepted++ % writers.length].sockets.add(ch);
                    }
                } catch (IOException e) {
                    // closed
                }
            }, "floor-acceptor");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        long cpuNanos() {
            var threads = ManagementFactory.getThreadMXBean();
            long sum = 0;
            for (Writer w : writers) {
                sum += Math.max(0, threads.getThreadCpuTime(w.threadId()));
            }
            return sum;
        }

        @Override
        public PubStats run(int step, double rate, double seconds, java.util.function.LongFunction<String> channel)
                throws InterruptedException {
            long total = Math.max(1, Math.round(rate * seconds));
            double period = 1e9 / rate;
            long t0 = System.nanoTime() + 5_000_000;
            Hist lag = new Hist();
            for (long i = 0; i < total; i++) {
                long due = t0 + (long) (i * period);
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                long now = System.nanoTime();
                lag.add(now - due);
                byte[] payload = ("{\"event\":\"bench\",\"channel\":\"" + channel.apply(i) + "\",\"data\":\"t" + now + "s" + due
                        + "k" + step + "p" + pad + "\"}").getBytes(StandardCharsets.US_ASCII);
                int n = payload.length;
                ByteBuffer frame = ByteBuffer.allocate(n + (n < 126 ? 2 : 4)).put((byte) 0x81);
                if (n < 126) {
                    frame.put((byte) n);
                } else {
                    frame.put((byte) 126).putShort((short) n);
                }
                byte[] bytes = frame.put(payload).array();
                for (Writer w : writers) {
                    w.frames.add(bytes);
                }
            }
            return new PubStats(total, total, 0, lag, new Hist());
        }
    }

    // ------------------------------------------------------------------ histogram
    /** Log-linear histogram of nanoseconds: exact below 1,024 ns, then 512 buckets per power of two (±0.1%). */
    static final class Hist {
        static final int SUB_BITS = 9;
        static final int SUB = 1 << SUB_BITS;
        final long[] counts = new long[1024 + (64 - 10) * SUB];
        long n;
        long max;
        double sum;

        static int index(long v) {
            if (v < 1024) {
                return (int) Math.max(0, v);
            }
            int e = 63 - Long.numberOfLeadingZeros(v);
            return 1024 + (e - 10) * SUB + (int) ((v >>> (e - SUB_BITS)) & (SUB - 1));
        }

        static long value(int index) {
            if (index < 1024) {
                return index;
            }
            int e = (index - 1024) / SUB + 10;
            long sub = (index - 1024) % SUB;
            long lo = (1L << e) + (sub << (e - SUB_BITS));
            return lo + (1L << (e - SUB_BITS)) / 2;
        }

        void add(long v) {
            counts[index(v)]++;
            n++;
            sum += v;
            if (v > max) {
                max = v;
            }
        }

        void merge(Hist o) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] += o.counts[i];
            }
            n += o.n;
            sum += o.sum;
            max = Math.max(max, o.max);
        }

        /** Nearest rank; NaN-free: 0 when empty. */
        long percentile(double p) {
            if (n == 0) {
                return 0;
            }
            long rank = (long) Math.ceil(p / 100.0 * n);
            long seen = 0;
            for (int i = 0; i < counts.length; i++) {
                seen += counts[i];
                if (seen >= rank) {
                    return Math.min(value(i), max);
                }
            }
            return max;
        }

        long max() {
            return max;
        }

        long mean() {
            return n == 0 ? 0 : (long) (sum / n);
        }
    }

    // ------------------------------------------------------------------ formatting, JSON, summary
    static double ms(long nanos) {
        return round(nanos / 1e6, 3);
    }

    static double mb(long bytes) {
        return round(bytes / 1048576.0, 1);
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Just enough JSON for flat maps, lists of maps, strings and numbers. */
    static final class Json {
        static String write(Object o) {
            if (o instanceof Map<?, ?> m) {
                StringBuilder b = new StringBuilder("{");
                m.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":").append(write(v)));
                return b.append('}').toString();
            }
            if (o instanceof List<?> l) {
                StringBuilder b = new StringBuilder("[");
                for (Object v : l) {
                    b.append(b.length() > 1 ? "," : "").append(write(v));
                }
                return b.append(']').toString();
            }
            if (o instanceof Number || o instanceof Boolean) {
                if (o instanceof Double d && (d.isNaN() || d.isInfinite())) {
                    return "null";
                }
                return o.toString();
            }
            return o == null ? "null" : "\"" + o.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }

        static Object read(String s) {
            return new Json(s).value();
        }

        final String s;
        int p;

        Json(String s) {
            this.s = s;
        }

        Object value() {
            ws();
            char c = s.charAt(p);
            if (c == '{') {
                Map<String, Object> m = new LinkedHashMap<>();
                p++;
                ws();
                if (s.charAt(p) == '}') {
                    p++;
                    return m;
                }
                while (true) {
                    ws();
                    String k = (String) value();
                    ws();
                    p++; // :
                    m.put(k, value());
                    ws();
                    if (s.charAt(p++) == '}') {
                        return m;
                    }
                }
            }
            if (c == '[') {
                List<Object> l = new ArrayList<>();
                p++;
                ws();
                if (s.charAt(p) == ']') {
                    p++;
                    return l;
                }
                while (true) {
                    l.add(value());
                    ws();
                    if (s.charAt(p++) == ']') {
                        return l;
                    }
                }
            }
            if (c == '"') {
                StringBuilder b = new StringBuilder();
                p++;
                while (s.charAt(p) != '"') {
                    if (s.charAt(p) == '\\') {
                        p++;
                    }
                    b.append(s.charAt(p++));
                }
                p++;
                return b.toString();
            }
            int start = p;
            while (p < s.length() && ",}] \n".indexOf(s.charAt(p)) < 0) {
                p++;
            }
            String t = s.substring(start, p);
            return t.equals("null") ? null : t.equals("true") || t.equals("false") ? (Object) Boolean.valueOf(t)
                    : (Object) Double.valueOf(t);
        }

        void ws() {
            while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
                p++;
            }
        }
    }

    static String num(Object o, String format) {
        return o instanceof Number n ? String.format(Locale.ROOT, format, n.doubleValue()) : "-";
    }

    @SuppressWarnings("unchecked")
    static void summary(List<String> files) throws IOException {
        for (String f : files) {
            Path path = Path.of(f);
            if (!Files.exists(path)) {
                continue;
            }
            Map<String, Object> r = (Map<String, Object>) Json.read(Files.readString(path).trim());
            switch (String.valueOf(r.get("scenario"))) {
                case "a" -> {
                    System.out.println("(a) hold " + num(r.get("connections"), "%.0f") + " connections, each on its own channel"
                            + " (server -Xmx" + num(r.get("heap_max_mb"), "%.0f") + " MB; load1 "
                            + r.get("load1_before") + " / " + r.get("load1_loaded") + ")");
                    System.out.printf(Locale.ROOT, "    subscribed %s (failed %s, open after hold %s) in %s s%n",
                            num(r.get("subscribed"), "%.0f"), num(r.get("failed"), "%.0f"),
                            num(r.get("still_open_after_hold"), "%.0f"), num(r.get("connect_s"), "%.1f"));
                    System.out.printf(Locale.ROOT, "    heap after full GC: %s MB with 0 -> %s MB with them -> %s MB after"
                                    + " closing; %s bytes per connection (target: %s connections in < 512 MB heap)%n",
                            num(r.get("heap_before_mb"), "%.1f"), num(r.get("heap_loaded_mb"), "%.1f"),
                            num(r.get("heap_after_close_mb"), "%.1f"), num(r.get("bytes_per_connection"), "%.0f"),
                            num(r.get("connections"), "%.0f"));
                    System.out.printf(Locale.ROOT, "    server RSS %s -> %s MB (%s bytes per connection; heap committed %s MB);"
                                    + " client heap %s MB%n",
                            num(r.get("rss_before_mb"), "%.0f"), num(r.get("rss_loaded_mb"), "%.0f"),
                            num(r.get("rss_bytes_per_connection"), "%.0f"), num(r.get("heap_committed_loaded_mb"), "%.0f"),
                            num(r.get("client_heap_mb"), "%.0f"));
                }
                case "b" -> System.out.printf(Locale.ROOT, "(b) %-8s %s users + %s churning (%s connects/s, %s failures):"
                                + " %s publishes/s, delivered %s msgs/s (users %s of %s), latency p50 %s / p99 %s / max %s ms"
                                + " (target p99 < 5 ms); load1 %s, %s%n",
                        r.get("mode"), num(r.get("users"), "%.0f"), num(r.get("churners"), "%.0f"),
                        num(r.get("churn_connects_per_s"), "%.0f"), num(r.get("churn_failures"), "%.0f"),
                        num(r.get("publish_rate"), "%.0f"), num(r.get("delivered_per_s"), "%.0f"),
                        num(r.get("delivered_steady"), "%.0f"), num(r.get("expected_steady"), "%.0f"),
                        num(r.get("p50_ms"), "%.2f"), num(r.get("p99_ms"), "%.2f"), num(r.get("max_ms"), "%.1f"),
                        r.get("load1_start"), r.get("cpu_cores") instanceof Map<?, ?> m ? cores((Map<String, Object>) m) : "");
                case "c" -> {
                    System.out.println(r.containsKey("label") ? String.valueOf(r.get("label"))
                            : "(c) fan-out: one channel, " + num(r.get("subscribers"), "%.0f") + " subscribers, "
                            + num(r.get("step_seconds"), "%.0f") + " s per step");
                    System.out.printf(Locale.ROOT, "    %9s %9s %12s %15s %9s %9s %9s %7s  %s%n", "pub/s", "made/s",
                            "delivered/s", "delivered", "p50 ms", "p99 ms", "max ms", "load1",
                            "CPU cores: server/client/others");
                    for (Object o : (List<Object>) r.get("steps")) {
                        Map<String, Object> s = (Map<String, Object>) o;
                        Map<String, Object> cpu = s.get("cpu_cores") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
                        System.out.printf(Locale.ROOT, "    %9s %9s %12s %15s %9s %9s %9s %7s  %-14s%s%n",
                                num(s.get("rate"), "%.0f"), num(s.get("published_per_s"), "%.0f"),
                                num(s.get("delivered_per_s"), "%.0f"),
                                num(s.get("delivered"), "%.0f") + "/" + num(s.get("expected"), "%.0f"),
                                num(s.get("p50_ms"), "%.2f"), num(s.get("p99_ms"), "%.2f"), num(s.get("max_ms"), "%.1f"),
                                s.get("load1"), cpu.get("server") + "/" + cpu.get("client") + "/" + cpu.get("others"),
                                s.containsKey("stop") ? "  <- stop: " + s.get("stop") : "");
                    }
                    if (!r.containsKey("label")) {
                        System.out.println("    max delivered msgs/s with p99 <= 50 ms and nothing lost: "
                                + num(r.get("max_delivered_per_s_within_p99"), "%.0f") + " (target >= 100,000)");
                    }
                }
                default -> System.out.println(f + ": unknown result");
            }
        }
    }
}
