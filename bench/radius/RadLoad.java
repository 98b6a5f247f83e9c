import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.locks.LockSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RADIUS/UDP load generator: a Java port of /work/shared/tools/radload.py with the same
 * options, the same packets, the same closed-loop semantics and the same one-line JSON
 * result, for rates the Python tool cannot drive on a 2-core machine.
 *
 * <pre>
 *   java RadLoad.java --mode auth --duration 30 --window 64 --users 10000 --port 1812
 *   java RadLoad.java --mode acct --duration 30 --window 64 --port 1813 --run-id r1
 *   java RadLoad.java --serve --port 11812 --acct-port 11813   # trivial responder, calibration only
 *   java RadLoad.java --selftest
 * </pre>
 *
 * Closed loop: --window requests outstanding in total, split over --procs workers
 * (radload.py forks processes; here each is a thread with its own sockets and digests) and
 * within a worker over sockets of at most --per-socket (<= 200) outstanding requests each,
 * so the 8-bit Identifier never wraps onto a pending request. Each socket has a reader
 * thread blocked in read(); the worker thread handles timeouts and the end of the run.
 * No retransmissions: a request unanswered after --timeout s counts as a timeout and its
 * Identifier is quarantined for another --timeout s.
 *
 * auth: Access-Request with Message-Authenticator FIRST (RFC 3579 §3.2), User-Name,
 * User-Password (RFC 2865 §5.2), NAS-IP-Address, NAS-Identifier, NAS-Port. Every reply's
 * Response Authenticator (RFC 2865 §3) and Message-Authenticator (when present) is checked.
 * acct: sessions Start -> Interim-Update -> Stop, each step sent after the previous one was
 * answered (RFC 2866 §3 Request Authenticator); --count/--duration count SESSIONS.
 * Acct-Session-Id = "<run-id>-<worker>-<n>", so ids are unique per run.
 *
 * Latency = from write() to the reply's read(), for every verified reply; percentiles are
 * nearest-rank, as in radload.py. Request Authenticators come from a SplittableRandom seeded
 * from SecureRandom (radload.py: os.urandom): unpredictable enough for a load test, cheaper.
 */
public final class RadLoad {

    static final int ACCESS_REQUEST = 1, ACCESS_ACCEPT = 2, ACCESS_REJECT = 3;
    static final int ACCOUNTING_REQUEST = 4, ACCOUNTING_RESPONSE = 5, ACCESS_CHALLENGE = 11;
    static final int A_USER_NAME = 1, A_USER_PASSWORD = 2, A_NAS_IP_ADDRESS = 4, A_NAS_PORT = 5;
    static final int A_SERVICE_TYPE = 6, A_FRAMED_PROTOCOL = 7, A_FRAMED_IP_ADDRESS = 8;
    static final int A_SESSION_TIMEOUT = 27, A_CALLING_STATION_ID = 31, A_NAS_IDENTIFIER = 32;
    static final int A_ACCT_STATUS_TYPE = 40, A_ACCT_DELAY_TIME = 41;
    static final int A_ACCT_INPUT_OCTETS = 42, A_ACCT_OUTPUT_OCTETS = 43;
    static final int A_ACCT_SESSION_ID = 44, A_ACCT_AUTHENTIC = 45, A_ACCT_SESSION_TIME = 46;
    static final int A_ACCT_INPUT_PACKETS = 47, A_ACCT_OUTPUT_PACKETS = 48, A_ACCT_TERMINATE_CAUSE = 49;
    static final int A_EVENT_TIMESTAMP = 55, A_NAS_PORT_TYPE = 61, A_MESSAGE_AUTHENTICATOR = 80;
    static final int ACCT_START = 1, ACCT_STOP = 2, ACCT_INTERIM = 3;

    public static void main(String[] argv) throws Exception {
        Options o = Options.parse(argv);
        if (o.selftest) {
            Selftest.run();
            return;
        }
        if (o.serve) {
            Responder.serve(o);
            return;
        }
        int k = o.procs;
        var workers = new ArrayList<Worker>();
        var barrier = new CyclicBarrier(k);
        for (int i = 0; i < k; i++) {
            workers.add(new Worker(o, i, k, split(o.count, k, i), o.window / k + (i < o.window % k ? 1 : 0), barrier));
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        var threads = new ArrayList<Thread>();
        for (Worker w : workers) {
            Thread t = new Thread(w, "radload-" + w.wid);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        long cpu1 = os.getProcessCpuTime();
        var errors = workers.stream().filter(w -> w.error != null).map(w -> "worker " + w.wid + ": " + w.error).toList();
        if (!errors.isEmpty()) {
            errors.forEach(System.err::println);
            if (errors.size() == workers.size()) {
                System.exit(2);
            }
        }
        var ok = workers.stream().filter(w -> w.error == null).toList();
        if (o.latOut != null) {
            var sb = new StringBuilder();
            for (Worker w : ok) {
                for (int i = 0; i < w.st.latN; i++) {
                    sb.append(String.format(Locale.ROOT, "%.3f", w.st.lat[i] / 1e6)).append('\n');
                }
            }
            Files.writeString(Path.of(o.latOut), sb);
        }
        System.out.println(Report.json(o, ok, (cpu1 - cpu0) / 1e9));
        System.out.flush();
    }

    static Long split(Long total, int k, int i) {
        return total == null ? null : total / k + (i < total % k ? 1 : 0);
    }

    // ------------------------------------------------------------------ options
    static final class Options {
        String mode = "auth", host = "127.0.0.1", secret = "testing123";
        Integer port;
        int acctPort = 11813;
        Long count;
        Double duration;
        int window = 64, procs = 1, perSocket = 128, users = 10000, userOffset = 0, badPasswordEvery = 0;
        double timeout = 2.0, progress = 0;
        int serviceUs;
        String userPattern = "user%05d", passPattern = "pass%05d", nasIp = "127.0.0.1", nasId = "radload";
        boolean noMessageAuthenticator, selftest, serve;
        String runId, latOut;

        static Options parse(String[] a) {
            var o = new Options();
            for (int i = 0; i < a.length; i++) {
                String arg = a[i], val = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    val = arg.substring(eq + 1);
                    arg = arg.substring(0, eq);
                }
                switch (arg) {
                    case "--selftest" -> o.selftest = true;
                    case "--serve" -> o.serve = true;
                    case "--no-message-authenticator" -> o.noMessageAuthenticator = true;
                    case "-h", "--help" -> {
                        usage(System.out);
                        System.exit(0);
                    }
                    default -> {
                        if (val == null) {
                            if (i + 1 >= a.length) {
                                fail("missing value for " + arg);
                            }
                            val = a[++i];
                        }
                        o.set(arg, val);
                    }
                }
            }
            if (o.port == null) {
                o.port = o.mode.equals("auth") ? 11812 : 11813;
            }
            if (o.count == null && o.duration == null) {
                o.count = 10000L;
            }
            if (o.procs < 1 || o.window < o.procs) {
                fail("need --procs >= 1 and --window >= --procs");
            }
            return o;
        }

        void set(String arg, String v) {
            try {
                switch (arg) {
                    case "--mode" -> {
                        if (!v.equals("auth") && !v.equals("acct")) {
                            fail("--mode must be auth or acct");
                        }
                        mode = v;
                    }
                    case "--host" -> host = v;
                    case "--port" -> port = Integer.parseInt(v);
                    case "--acct-port" -> acctPort = Integer.parseInt(v);
                    case "--secret" -> secret = v;
                    case "--count" -> count = Long.parseLong(v);
                    case "--duration" -> duration = Double.parseDouble(v);
                    case "--window" -> window = Integer.parseInt(v);
                    case "--procs", "--threads" -> procs = Integer.parseInt(v);
                    case "--per-socket" -> perSocket = Integer.parseInt(v);
                    case "--timeout" -> timeout = Double.parseDouble(v);
                    case "--users" -> users = Integer.parseInt(v);
                    case "--user-offset" -> userOffset = Integer.parseInt(v);
                    case "--user-pattern" -> userPattern = v;
                    case "--pass-pattern" -> passPattern = v;
                    case "--bad-password-every" -> badPasswordEvery = Integer.parseInt(v);
                    case "--nas-ip" -> nasIp = v;
                    case "--nas-id" -> nasId = v;
                    case "--run-id" -> runId = v;
                    case "--progress" -> progress = Double.parseDouble(v);
                    case "--lat-out" -> latOut = v;
                    case "--service-us" -> serviceUs = Integer.parseInt(v);
                    default -> fail("unknown option " + arg);
                }
            } catch (NumberFormatException e) {
                fail("bad number for " + arg + ": " + v);
            }
        }

        static void fail(String msg) {
            usage(System.err);
            System.err.println("RadLoad: error: " + msg);
            System.exit(2);
        }

        static void usage(PrintStream out) {
            out.println("""
                    usage: java RadLoad.java [--mode auth|acct] [--host H] [--port P] [--secret S]
                             [--count N | --duration SECONDS] [--window 64] [--procs 1] [--per-socket 128]
                             [--timeout 2.0] [--users 10000] [--user-offset 0] [--user-pattern user%05d]
                             [--pass-pattern pass%05d] [--bad-password-every N] [--nas-ip 127.0.0.1]
                             [--nas-id radload] [--no-message-authenticator] [--run-id ID] [--progress S]
                             [--lat-out FILE]
                           java RadLoad.java --serve [--port 11812] [--acct-port 11813] [--secret S] [--procs 1]
                                             [--service-us N]
                           java RadLoad.java --selftest
                    Same options and JSON output as radload.py; --procs are worker threads here.
                    --serve is a trivial responder (Accept + Session-Timeout to every Access-Request,
                    Accounting-Response to every Accounting-Request, no checks) to measure the generator;
                    --service-us N makes it spend N microseconds (busy) per request, which caps its rate
                    (about 1e6/N per thread) so the generator's cost at a given rate can be measured.""");
        }
    }

    // -------------------------------------------------------------- packet codec
    /** Per-thread packet coding: one MessageDigest and one Mac, preallocated scratch. */
    static final class Codec {
        final byte[] secret;
        final MessageDigest md5;
        final Mac hmac;
        final byte[] scratch = new byte[4096];

        Codec(byte[] secret) {
            this.secret = secret;
            try {
                md5 = MessageDigest.getInstance("MD5");
                hmac = Mac.getInstance("HmacMD5");
                hmac.init(new SecretKeySpec(secret.length == 0 ? new byte[1] : secret, "HmacMD5"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        static int putAttr(byte[] b, int pos, int type, byte[] value) {
            if (value.length > 253) {
                throw new IllegalArgumentException("attribute " + type + " too long");
            }
            b[pos] = (byte) type;
            b[pos + 1] = (byte) (value.length + 2);
            System.arraycopy(value, 0, b, pos + 2, value.length);
            return pos + 2 + value.length;
        }

        static int putInt(byte[] b, int pos, int type, long n) {
            b[pos] = (byte) type;
            b[pos + 1] = 6;
            b[pos + 2] = (byte) (n >>> 24);
            b[pos + 3] = (byte) (n >>> 16);
            b[pos + 4] = (byte) (n >>> 8);
            b[pos + 5] = (byte) n;
            return pos + 6;
        }

        static byte[] attr(int type, byte[] value) {
            byte[] b = new byte[value.length + 2];
            putAttr(b, 0, type, value);
            return b;
        }

        static byte[] attrInt(int type, long n) {
            byte[] b = new byte[6];
            putInt(b, 0, type, n);
            return b;
        }

        static byte[] ipv4(String ip) {
            try {
                byte[] a = InetAddress.getByName(ip).getAddress();
                if (a.length != 4) {
                    throw new IllegalArgumentException("not IPv4: " + ip);
                }
                return a;
            } catch (IOException e) {
                throw new IllegalArgumentException(e);
            }
        }

        static void header(byte[] b, int code, int ident, int length) {
            b[0] = (byte) code;
            b[1] = (byte) ident;
            b[2] = (byte) (length >>> 8);
            b[3] = (byte) length;
        }

        /** RFC 2865 §5.2: User-Password hiding; writes the attribute at pos, returns the new end. */
        int putHiddenPassword(byte[] b, int pos, byte[] pw, byte[] reqAuth, int raOff) {
            if (pw.length > 128) {
                throw new IllegalArgumentException("password longer than 128 octets");
            }
            int padded = pw.length == 0 ? 16 : (pw.length + 15) / 16 * 16;
            b[pos] = (byte) A_USER_PASSWORD;
            b[pos + 1] = (byte) (padded + 2);
            int out = pos + 2;
            byte[] digest;
            for (int blk = 0; blk < padded; blk += 16) {
                md5.update(secret);
                if (blk == 0) {
                    md5.update(reqAuth, raOff, 16);
                } else {
                    md5.update(b, out + blk - 16, 16);
                }
                digest = md5.digest();
                for (int j = 0; j < 16; j++) {
                    int p = blk + j;
                    b[out + p] = (byte) ((p < pw.length ? pw[p] : 0) ^ digest[j]);
                }
            }
            return out + padded;
        }

        /** RFC 3579 §3.2: HMAC-MD5 over the packet with the MA value zeroed (it is, while building). */
        void signMessageAuthenticator(byte[] b, int len, int maValueOff) {
            hmac.update(b, 0, len);
            try {
                hmac.doFinal(b, maValueOff);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** RFC 2866 §3: Request Authenticator = MD5(Code+ID+Length+16 zero octets+Attributes+Secret). */
        void signAccountingRequest(byte[] b, int len) {
            Arrays.fill(b, 4, 20, (byte) 0);
            md5.update(b, 0, len);
            md5.update(secret);
            try {
                md5.digest(b, 4, 16);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * Checks length, the Response Authenticator (RFC 2865 §3 / RFC 2866 §3) and, if present,
         * the Message-Authenticator (RFC 3579 §3.2). Returns the packet length, or -1.
         */
        int verifyReply(byte[] d, int n, byte[] reqAuth, int raOff) {
            if (n < 20) {
                return -1;
            }
            int length = ((d[2] & 0xff) << 8) | (d[3] & 0xff);
            if (length < 20 || length > n) {
                return -1;
            }
            md5.update(d, 0, 4);
            md5.update(reqAuth, raOff, 16);
            md5.update(d, 20, length - 20);
            md5.update(secret);
            byte[] expect = md5.digest();
            if (!Arrays.equals(expect, 0, 16, d, 4, 20)) {
                return -1;
            }
            int pos = 20;
            while (pos + 2 <= length) {
                int t = d[pos] & 0xff, ln = d[pos + 1] & 0xff;
                if (ln < 2 || pos + ln > length) {
                    return -1;
                }
                if (t == A_MESSAGE_AUTHENTICATOR) {
                    if (ln != 18) {
                        return -1;
                    }
                    System.arraycopy(d, 0, scratch, 0, length);
                    System.arraycopy(reqAuth, raOff, scratch, 4, 16);
                    Arrays.fill(scratch, pos + 2, pos + 18, (byte) 0);
                    hmac.update(scratch, 0, length);
                    byte[] mac = hmac.doFinal();
                    if (!Arrays.equals(mac, 0, 16, d, pos + 2, pos + 18)) {
                        return -1;
                    }
                }
                pos += ln;
            }
            return length;
        }

        static boolean hasAttr(byte[] d, int length, int wanted) {
            int pos = 20;
            while (pos + 2 <= length) {
                if ((d[pos] & 0xff) == wanted) {
                    return true;
                }
                int ln = d[pos + 1] & 0xff;
                pos += ln == 0 ? length : ln;
            }
            return false;
        }
    }

    // ------------------------------------------------------------------- stats
    static final class Stats {
        long sent, accepted, rejected, challenged, acctOk, timeouts, badReplies, unmatched, otherCode;
        long acceptWithSessionTimeout, sessionsStarted, sessionsCompleted, sessionsFailed, sendErrors;
        long tFirst = Long.MIN_VALUE, tLast = Long.MIN_VALUE;
        long[] lat = new long[1 << 16];   // nanoseconds
        int latN;

        void latency(long nanos) {
            if (latN == lat.length) {
                lat = Arrays.copyOf(lat, lat.length * 2);
            }
            lat[latN++] = nanos;
        }
    }

    /** One accounting session: Start -> Interim-Update -> Stop. */
    static final class AcctSession {
        int stage;
        final int user;
        final byte[] staticAttrs;

        AcctSession(int user, byte[] staticAttrs) {
            this.user = user;
            this.staticAttrs = staticAttrs;
        }
    }

    // ------------------------------------------------------------------ worker
    /** One connected UDP socket with up to `window` outstanding requests. */
    static final class Endpoint {
        final DatagramChannel ch;
        final int window;
        final int[] free = new int[256];     // FIFO ring of free identifiers
        int freeHead, freeCount;
        final long[] sentAt = new long[256];
        final boolean[] busy = new boolean[256];
        final byte[] reqAuth = new byte[256 * 16];
        final AcctSession[] ctx = new AcctSession[256];
        int pending;
        final long[] quarantineAt = new long[256];  // ring of (release time, id)
        final int[] quarantineId = new int[256];
        int qHead, qCount;

        Endpoint(DatagramChannel ch, int window) {
            this.ch = ch;
            this.window = window;
            for (int i = 0; i < 256; i++) {
                free[i] = i;
            }
            freeCount = 256;
        }

        int peekFree() {
            return free[freeHead];
        }

        void popFree() {
            freeHead = (freeHead + 1) & 255;
            freeCount--;
        }

        void pushFree(int id) {
            free[(freeHead + freeCount) & 255] = id;
            freeCount++;
        }
    }

    static final class Worker implements Runnable {
        final Options o;
        final int wid, nworkers, window;
        final Long count;
        final CyclicBarrier barrier;
        final Stats st = new Stats();
        final Codec codec;
        final SplittableRandom rnd;
        final byte[] nasAttrs;
        final String runTag;
        final byte[][] userNameAttr, userPass;
        final byte[] buf = new byte[4096];
        final ByteBuffer out = ByteBuffer.allocateDirect(4096);
        final boolean auth;
        final long timeoutNs;
        long deadline = Long.MAX_VALUE, issued, seq;
        volatile String error;

        Worker(Options o, int wid, int nworkers, Long count, int window, CyclicBarrier barrier) {
            this.o = o;
            this.wid = wid;
            this.nworkers = nworkers;
            this.count = count;
            this.window = window;
            this.barrier = barrier;
            this.seq = wid;
            this.auth = o.mode.equals("auth");
            this.timeoutNs = (long) (o.timeout * 1e9);
            this.codec = new Codec(o.secret.getBytes(StandardCharsets.UTF_8));
            this.rnd = new SplittableRandom(new SecureRandom().nextLong());
            byte[] a = Codec.attr(A_NAS_IP_ADDRESS, Codec.ipv4(o.nasIp));
            byte[] b = Codec.attr(A_NAS_IDENTIFIER, o.nasId.getBytes(StandardCharsets.UTF_8));
            nasAttrs = concat(a, b);
            runTag = o.runId != null ? o.runId : String.format(Locale.ROOT, "%08x", new SecureRandom().nextInt());
            int cache = o.users <= 1_000_000 ? o.users : 0;
            userNameAttr = new byte[cache][];
            userPass = new byte[cache][];
        }

        byte[] name(int i) {
            int k = i - o.userOffset;
            if (k < userNameAttr.length && userNameAttr[k] != null) {
                return userNameAttr[k];
            }
            byte[] v = Codec.attr(A_USER_NAME, String.format(Locale.ROOT, o.userPattern, i).getBytes(StandardCharsets.UTF_8));
            if (k < userNameAttr.length) {
                userNameAttr[k] = v;
            }
            return v;
        }

        byte[] pass(int i) {
            int k = i - o.userOffset;
            if (k < userPass.length && userPass[k] != null) {
                return userPass[k];
            }
            byte[] v = String.format(Locale.ROOT, o.passPattern, i).getBytes(StandardCharsets.UTF_8);
            if (k < userPass.length) {
                userPass[k] = v;
            }
            return v;
        }

        int nextUser() {
            int i = (int) (seq % o.users) + o.userOffset;
            seq += nworkers;
            return i;
        }

        boolean budgetLeft() {
            if (count != null && issued >= count) {
                return false;
            }
            return deadline == Long.MAX_VALUE || System.nanoTime() < deadline;
        }

        @Override
        public void run() {
            try {
                runLoop();
            } catch (Throwable e) {
                error = e.toString();
            }
        }

        /*
         * One reader thread per socket, blocking in read() (one syscall per reply, no selector
         * round trip), and this thread as the ticker for timeouts, progress and the end of the
         * run. All state is guarded by this Worker's monitor; the socket reads happen outside it.
         */
        private void runLoop() throws Exception {
            int per = Math.max(1, Math.min(o.perSocket, 200));
            int nSock = Math.max(1, (window + per - 1) / per);
            var eps = new Endpoint[nSock];
            var target = new InetSocketAddress(o.host, o.port);
            for (int s = 0; s < nSock; s++) {
                int share = window / nSock + (s < window % nSock ? 1 : 0);
                DatagramChannel ch = DatagramChannel.open();
                try {
                    ch.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
                    ch.setOption(StandardSocketOptions.SO_SNDBUF, 4 << 20);
                } catch (IOException ignored) {
                    // best effort, as in radload.py
                }
                ch.connect(target);
                eps[s] = new Endpoint(ch, share);
            }
            sockets = nSock;
            barrier.await();
            long tStart = System.nanoTime();
            synchronized (this) {
                if (o.duration != null) {
                    deadline = tStart + (long) (o.duration * 1e9);
                }
                for (Endpoint ep : eps) {
                    fill(ep);
                }
            }
            var readers = new ArrayList<Thread>();
            for (int s = 0; s < nSock; s++) {
                Endpoint ep = eps[s];
                Thread t = new Thread(() -> readLoop(ep), "radload-" + wid + "-rx" + s);
                t.setDaemon(true);
                t.start();
                readers.add(t);
            }
            long tickNs = (long) (Math.min(0.05, o.timeout / 4) * 1e9);
            long progressNs = (long) (o.progress * 1e9);
            long nextProgress = (o.progress > 0 && wid == 0) ? tStart + progressNs : Long.MAX_VALUE;
            long lastSent = 0;
            while (true) {
                LockSupport.parkNanos(tickNs);
                synchronized (this) {
                    if (error != null) {
                        break;
                    }
                    long now = System.nanoTime();
                    for (Endpoint ep : eps) {
                        expire(ep, now);
                    }
                    if (now >= nextProgress) {
                        System.err.printf(Locale.ROOT, "[RadLoad w0] t=%5.1fs sent=%d (+%d/%ss) ok=%d rej=%d to=%d%n",
                                (now - tStart) / 1e9, st.sent, st.sent - lastSent, o.progress,
                                st.accepted + st.acctOk, st.rejected, st.timeouts);
                        lastSent = st.sent;
                        nextProgress += progressNs;
                    }
                    boolean anyPending = false;
                    for (Endpoint ep : eps) {
                        anyPending |= ep.pending > 0;
                    }
                    if (!anyPending && !budgetLeft()) {
                        break;
                    }
                }
            }
            long tEnd = System.nanoTime();
            for (Endpoint ep : eps) {
                ep.ch.close();            // wakes the readers with AsynchronousCloseException
            }
            for (Thread t : readers) {
                t.join();
            }
            synchronized (this) {
                if (st.tFirst == Long.MIN_VALUE) {
                    st.tFirst = tStart;
                }
                if (st.tLast == Long.MIN_VALUE) {
                    st.tLast = tEnd;
                }
            }
        }

        private void readLoop(Endpoint ep) {
            ByteBuffer in = ByteBuffer.allocateDirect(4096);
            byte[] d = new byte[4096];
            while (true) {
                in.clear();
                try {
                    ep.ch.read(in);
                } catch (ClosedChannelException e) {
                    return;                // end of the run
                } catch (IOException e) {
                    if (!ep.ch.isOpen()) {
                        return;
                    }
                    synchronized (this) {
                        st.sendErrors++;   // ICMP error on the connected socket (radload: error_received)
                    }
                    continue;
                }
                long now = System.nanoTime();
                int n = in.position();
                in.flip();
                in.get(d, 0, n);
                synchronized (this) {
                    try {
                        received(ep, d, n, now);
                    } catch (Throwable e) {
                        error = e.toString();
                        return;
                    }
                }
            }
        }

        int sockets;

        void fill(Endpoint ep) throws IOException {
            while (ep.pending < ep.window && ep.freeCount > 0) {
                if (!send(ep, null)) {
                    break;
                }
            }
        }

        /** Sends the next request (continuing ctx if given). False if the budget is spent. */
        boolean send(Endpoint ep, AcctSession ctx) throws IOException {
            int ident = ep.peekFree();
            int len;
            if (auth) {
                if (!budgetLeft()) {
                    return false;
                }
                len = buildAccessRequest(ep, ident);
            } else {
                if (ctx == null) {
                    if (!budgetLeft()) {
                        return false;
                    }
                    ctx = newSession();
                }
                len = buildAccountingRequest(ep, ident, ctx);
            }
            ep.popFree();
            long now = System.nanoTime();
            ep.sentAt[ident] = now;
            ep.busy[ident] = true;
            ep.ctx[ident] = ctx;
            ep.pending++;
            if (st.tFirst == Long.MIN_VALUE) {
                st.tFirst = now;
            }
            st.sent++;
            out.clear();
            out.put(buf, 0, len).flip();
            try {
                if (ep.ch.write(out) == 0) {
                    st.sendErrors++;   // socket buffer full: the request will time out
                }
            } catch (IOException e) {
                st.sendErrors++;       // e.g. ICMP port unreachable reported on a connected socket
            }
            return true;
        }

        int buildAccessRequest(Endpoint ep, int ident) {
            int i = nextUser();
            issued++;
            byte[] pw = pass(i);
            if (o.badPasswordEvery > 0 && issued % o.badPasswordEvery == 0) {
                pw = concat(pw, "-wrong".getBytes(StandardCharsets.UTF_8));
            }
            int raOff = ident * 16;
            long r1 = rnd.nextLong(), r2 = rnd.nextLong();
            for (int j = 0; j < 8; j++) {
                ep.reqAuth[raOff + j] = (byte) (r1 >>> (8 * j));
                ep.reqAuth[raOff + 8 + j] = (byte) (r2 >>> (8 * j));
            }
            byte[] b = buf;
            System.arraycopy(ep.reqAuth, raOff, b, 4, 16);
            int pos = 20, maOff = -1;
            if (!o.noMessageAuthenticator) {
                b[20] = (byte) A_MESSAGE_AUTHENTICATOR;
                b[21] = 18;
                Arrays.fill(b, 22, 38, (byte) 0);
                maOff = 22;
                pos = 38;
            }
            byte[] nm = name(i);
            System.arraycopy(nm, 0, b, pos, nm.length);
            pos += nm.length;
            pos = codec.putHiddenPassword(b, pos, pw, ep.reqAuth, raOff);
            System.arraycopy(nasAttrs, 0, b, pos, nasAttrs.length);
            pos += nasAttrs.length;
            pos = Codec.putInt(b, pos, A_NAS_PORT, i);
            Codec.header(b, ACCESS_REQUEST, ident, pos);
            if (maOff > 0) {
                codec.signMessageAuthenticator(b, pos, maOff);
            }
            return pos;
        }

        AcctSession newSession() {
            int i = nextUser();
            long n = issued++;
            st.sessionsStarted++;
            String sid = runTag + "-" + wid + "-" + n;
            byte[] ip = {10, (byte) ((wid * 37 + (n >> 16)) & 255), (byte) ((n >> 8) & 255), (byte) (n & 255)};
            String csid = String.format(Locale.ROOT, "02-00-00-%02X-%02X-%02X", wid & 255, (n >> 8) & 255, n & 255);
            byte[] s = concat(name(i), nasAttrs, Codec.attrInt(A_NAS_PORT, i),
                    Codec.attr(A_ACCT_SESSION_ID, sid.getBytes(StandardCharsets.UTF_8)),
                    Codec.attr(A_FRAMED_IP_ADDRESS, ip),
                    Codec.attrInt(A_SERVICE_TYPE, 2), Codec.attrInt(A_FRAMED_PROTOCOL, 1),
                    Codec.attrInt(A_NAS_PORT_TYPE, 5), Codec.attrInt(A_ACCT_AUTHENTIC, 1),
                    Codec.attr(A_CALLING_STATION_ID, csid.getBytes(StandardCharsets.UTF_8)));
            return new AcctSession(i, s);
        }

        int buildAccountingRequest(Endpoint ep, int ident, AcctSession ctx) {
            byte[] b = buf;
            int pos = 20;
            System.arraycopy(ctx.staticAttrs, 0, b, pos, ctx.staticAttrs.length);
            pos += ctx.staticAttrs.length;
            int stage = ctx.stage;
            if (stage == 0) {
                pos = Codec.putInt(b, pos, A_ACCT_STATUS_TYPE, ACCT_START);
                pos = Codec.putInt(b, pos, A_ACCT_DELAY_TIME, 0);
            } else {
                pos = Codec.putInt(b, pos, A_ACCT_STATUS_TYPE, stage == 1 ? ACCT_INTERIM : ACCT_STOP);
                pos = Codec.putInt(b, pos, A_ACCT_DELAY_TIME, 0);
                pos = Codec.putInt(b, pos, A_ACCT_SESSION_TIME, 60L * stage);
                pos = Codec.putInt(b, pos, A_ACCT_INPUT_OCTETS, 150000L * stage);
                pos = Codec.putInt(b, pos, A_ACCT_OUTPUT_OCTETS, 900000L * stage);
                pos = Codec.putInt(b, pos, A_ACCT_INPUT_PACKETS, 200L * stage);
                pos = Codec.putInt(b, pos, A_ACCT_OUTPUT_PACKETS, 700L * stage);
                if (stage == 2) {
                    pos = Codec.putInt(b, pos, A_ACCT_TERMINATE_CAUSE, 1);   // User-Request
                }
            }
            pos = Codec.putInt(b, pos, A_EVENT_TIMESTAMP, System.currentTimeMillis() / 1000);
            Codec.header(b, ACCOUNTING_REQUEST, ident, pos);
            codec.signAccountingRequest(b, pos);
            System.arraycopy(b, 4, ep.reqAuth, ident * 16, 16);
            return pos;
        }

        void received(Endpoint ep, byte[] d, int n, long now) throws IOException {
            if (n < 20) {
                st.badReplies++;
                return;
            }
            int ident = d[1] & 0xff;
            if (!ep.busy[ident]) {
                st.unmatched++;            // late reply after timeout, or duplicate
                return;
            }
            ep.busy[ident] = false;
            ep.pending--;
            AcctSession ctx = ep.ctx[ident];
            ep.ctx[ident] = null;
            long tSend = ep.sentAt[ident];
            ep.pushFree(ident);
            st.tLast = now;
            int length = codec.verifyReply(d, n, ep.reqAuth, ident * 16);
            int code = d[0] & 0xff;
            AcctSession nxt = null;
            if (length < 0) {
                st.badReplies++;
                if (ctx != null) {
                    st.sessionsFailed++;
                }
            } else {
                st.latency(now - tSend);
                switch (code) {
                    case ACCESS_ACCEPT -> {
                        st.accepted++;
                        if (Codec.hasAttr(d, length, A_SESSION_TIMEOUT)) {
                            st.acceptWithSessionTimeout++;
                        }
                    }
                    case ACCESS_REJECT -> st.rejected++;
                    case ACCOUNTING_RESPONSE -> {
                        st.acctOk++;
                        if (ctx != null) {
                            ctx.stage++;
                            if (ctx.stage < 3) {
                                nxt = ctx;
                            } else {
                                st.sessionsCompleted++;
                            }
                        }
                    }
                    case ACCESS_CHALLENGE -> st.challenged++;
                    default -> st.otherCode++;
                }
                if (ctx != null && code != ACCOUNTING_RESPONSE) {
                    st.sessionsFailed++;
                }
            }
            if (nxt != null) {
                send(ep, nxt);
            } else {
                fill(ep);
            }
        }

        void expire(Endpoint ep, long now) throws IOException {
            if (ep.pending > 0) {
                for (int id = 0; id < 256; id++) {
                    if (ep.busy[id] && now - ep.sentAt[id] > timeoutNs) {
                        ep.busy[id] = false;
                        ep.pending--;
                        st.timeouts++;
                        st.tLast = now;
                        if (ep.ctx[id] != null) {
                            st.sessionsFailed++;
                            ep.ctx[id] = null;
                        }
                        int q = (ep.qHead + ep.qCount) & 255;
                        ep.quarantineAt[q] = now + timeoutNs;
                        ep.quarantineId[q] = id;
                        ep.qCount++;
                    }
                }
            }
            while (ep.qCount > 0 && ep.quarantineAt[ep.qHead] <= now) {
                ep.pushFree(ep.quarantineId[ep.qHead]);
                ep.qHead = (ep.qHead + 1) & 255;
                ep.qCount--;
            }
            fill(ep);
        }
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] r = new byte[n];
        int pos = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, r, pos, p.length);
            pos += p.length;
        }
        return r;
    }

    // ------------------------------------------------------------------ report
    static final class Report {
        static String json(Options o, List<Worker> ws, double cpuS) {
            long sent = 0, accepted = 0, rejected = 0, challenged = 0, acctOk = 0, timeouts = 0, bad = 0, unmatched = 0,
                    other = 0, sendErr = 0, withTimeout = 0, sStarted = 0, sCompleted = 0, sFailed = 0;
            long t0 = Long.MAX_VALUE, t1 = Long.MIN_VALUE;
            int latN = 0, sockets = 0;
            for (Worker w : ws) {
                Stats s = w.st;
                sent += s.sent;
                accepted += s.accepted;
                rejected += s.rejected;
                challenged += s.challenged;
                acctOk += s.acctOk;
                timeouts += s.timeouts;
                bad += s.badReplies;
                unmatched += s.unmatched;
                other += s.otherCode;
                sendErr += s.sendErrors;
                withTimeout += s.acceptWithSessionTimeout;
                sStarted += s.sessionsStarted;
                sCompleted += s.sessionsCompleted;
                sFailed += s.sessionsFailed;
                t0 = Math.min(t0, s.tFirst);
                t1 = Math.max(t1, s.tLast);
                latN += s.latN;
                sockets += w.sockets;
            }
            long[] lat = new long[latN];
            int p = 0;
            for (Worker w : ws) {
                System.arraycopy(w.st.lat, 0, lat, p, w.st.latN);
                p += w.st.latN;
            }
            Arrays.sort(lat);
            double elapsed = Math.max((t1 - t0) / 1e9, 1e-9);
            long answered = accepted + rejected + challenged + acctOk + other;
            double sum = 0;
            for (long l : lat) {
                sum += l;
            }
            var m = new LinkedHashMap<String, Object>();
            m.put("tool", "RadLoad.java");
            m.put("mode", o.mode);
            m.put("target", o.host + ":" + o.port);
            m.put("procs", o.procs);
            m.put("window", o.window);
            m.put("sockets", sockets);
            m.put("users", o.users);
            m.put("message_authenticator", !o.noMessageAuthenticator);
            m.put("sent", sent);
            m.put("answered", answered);
            m.put("accepted", accepted);
            m.put("rejected", rejected);
            m.put("challenged", challenged);
            m.put("acct_responses", acctOk);
            m.put("timeouts", timeouts);
            m.put("bad_replies", bad);
            m.put("unmatched_replies", unmatched);
            m.put("other_code", other);
            m.put("send_errors", sendErr);
            m.put("elapsed_s", round(elapsed, 3));
            m.put("throughput_rps", round(answered / elapsed, 1));
            var l = new LinkedHashMap<String, Object>();
            l.put("p50", ms(percentile(lat, 50)));
            l.put("p95", ms(percentile(lat, 95)));
            l.put("p99", ms(percentile(lat, 99)));
            l.put("max", ms(lat.length == 0 ? null : lat[lat.length - 1]));
            l.put("mean", lat.length == 0 ? null : round(sum / lat.length / 1e6, 3));
            m.put("latency_ms", l);
            m.put("client_cpu_s", round(cpuS, 2));
            m.put("client_cpu_pct_of_one_core", round(100.0 * cpuS / elapsed, 1));
            if (o.mode.equals("auth")) {
                m.put("accept_with_session_timeout", withTimeout);
            } else {
                m.put("sessions_started", sStarted);
                m.put("sessions_completed", sCompleted);
                m.put("sessions_failed", sFailed);
                m.put("sessions_per_s", round(sCompleted / elapsed, 1));
            }
            return toJson(m);
        }

        static Long percentile(long[] sorted, double pct) {
            if (sorted.length == 0) {
                return null;
            }
            int k = (int) Math.max(0, Math.min(sorted.length - 1, Math.ceil(pct / 100.0 * sorted.length) - 1));
            return sorted[k];
        }

        static Double ms(Long nanos) {
            return nanos == null ? null : round(nanos / 1e6, 3);
        }

        static double round(double x, int digits) {
            double f = Math.pow(10, digits);
            return Math.round(x * f) / f;
        }

        static String toJson(Object v) {
            if (v == null) {
                return "null";
            }
            if (v instanceof Map<?, ?> map) {
                var sb = new StringBuilder("{");
                for (var e : map.entrySet()) {
                    if (sb.length() > 1) {
                        sb.append(", ");
                    }
                    sb.append('"').append(e.getKey()).append("\": ").append(toJson(e.getValue()));
                }
                return sb.append('}').toString();
            }
            if (v instanceof String s) {
                return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
            }
            return String.valueOf(v);
        }
    }

    // --------------------------------------------------------------- responder
    /**
     * Calibration only: answers every Access-Request with an Access-Accept carrying
     * Session-Timeout and a Message-Authenticator, and every Accounting-Request with an
     * Accounting-Response, without checking anything: the cheapest correct server, so the
     * generator's own ceiling shows.
     */
    static final class Responder implements Runnable {
        final DatagramChannel ch;
        final Codec codec;

        final long serviceNs;

        Responder(DatagramChannel ch, byte[] secret, int serviceUs) {
            this.ch = ch;
            this.codec = new Codec(secret);
            this.serviceNs = serviceUs * 1000L;
        }

        static void serve(Options o) throws Exception {
            byte[] secret = o.secret.getBytes(StandardCharsets.UTF_8);
            var threads = new ArrayList<Thread>();
            for (int port : new int[] {o.port, o.acctPort}) {
                for (int t = 0; t < o.procs; t++) {
                    DatagramChannel ch = DatagramChannel.open();
                    ch.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                    ch.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
                    ch.setOption(StandardSocketOptions.SO_SNDBUF, 4 << 20);
                    ch.bind(new InetSocketAddress(o.host, port));
                    Thread th = new Thread(new Responder(ch, secret, o.serviceUs), "responder-" + port + "-" + t);
                    th.start();
                    threads.add(th);
                }
            }
            System.err.println("RadLoad responder on " + o.host + " ports " + o.port + "/" + o.acctPort
                    + ", " + o.procs + " thread(s) per port");
            for (Thread th : threads) {
                th.join();
            }
        }

        @Override
        public void run() {
            ByteBuffer in = ByteBuffer.allocateDirect(4096), out = ByteBuffer.allocateDirect(4096);
            byte[] d = new byte[4096], r = new byte[64];
            try {
                while (true) {
                    in.clear();
                    var from = ch.receive(in);
                    int n = in.position();
                    if (n < 20) {
                        continue;
                    }
                    in.flip();
                    in.get(d, 0, n);
                    if (serviceNs > 0) {
                        long until = System.nanoTime() + serviceNs;
                        while (System.nanoTime() < until) {
                            Thread.onSpinWait();
                        }
                    }
                    int len;
                    if (d[0] == ACCESS_REQUEST) {
                        Codec.header(r, ACCESS_ACCEPT, d[1] & 0xff, 44);
                        System.arraycopy(d, 4, r, 4, 16);       // Request Authenticator, for the MA
                        int pos = Codec.putInt(r, 20, A_SESSION_TIMEOUT, 3600);
                        r[pos] = (byte) A_MESSAGE_AUTHENTICATOR;
                        r[pos + 1] = 18;
                        Arrays.fill(r, pos + 2, pos + 18, (byte) 0);
                        codec.signMessageAuthenticator(r, 44, pos + 2);
                        len = 44;
                    } else {
                        Codec.header(r, ACCOUNTING_RESPONSE, d[1] & 0xff, 20);
                        System.arraycopy(d, 4, r, 4, 16);
                        len = 20;
                    }
                    // RFC 2865 §3: Response Authenticator = MD5(Code+ID+Length+RequestAuth+Attributes+Secret)
                    codec.md5.update(r, 0, len);
                    codec.md5.update(codec.secret);
                    codec.md5.digest(r, 4, 16);
                    out.clear();
                    out.put(r, 0, len).flip();
                    ch.send(out, from);
                }
            } catch (Exception e) {
                System.err.println("responder: " + e);
            }
        }
    }

    // ---------------------------------------------------------------- selftest
    static final class Selftest {
        static void run() throws Exception {
            // RFC 2865 §7.1 example, secret xyzzy5461
            byte[] secret = "xyzzy5461".getBytes(StandardCharsets.UTF_8);
            var c = new Codec(secret);
            byte[] ra = HexFormat.of().parseHex("0f403f9473978057bd83d5cb98f4227a");
            byte[] b = new byte[64];
            int end = c.putHiddenPassword(b, 0, "arctangent".getBytes(StandardCharsets.UTF_8), ra, 0);
            check(HexFormat.of().formatHex(b, 2, end).equals("0dbe708d93d413ce3196e43f782a0aee"), "password hiding");
            byte[] accept = HexFormat.of().parseHex(
                    "0200002686fe220e7624ba2a1005f6bf9b55e0b20606000000010f06000000000e06c0a80103");
            int len = c.verifyReply(accept, accept.length, ra, 0);
            check(len == accept.length && Codec.hasAttr(accept, len, 6) && !Codec.hasAttr(accept, len, 27), "accept");
            byte[] broken = accept.clone();
            broken[broken.length - 1] = 4;
            check(c.verifyReply(broken, broken.length, ra, 0) < 0, "tampered accept rejected");
            // two-block password
            end = c.putHiddenPassword(b, 0, "x".repeat(20).getBytes(StandardCharsets.UTF_8), ra, 0);
            check(end == 34, "two-block password length");
            // an Access-Accept with a Message-Authenticator, as the responder builds it, verifies
            byte[] r = new byte[44];
            Codec.header(r, ACCESS_ACCEPT, 7, 44);
            System.arraycopy(ra, 0, r, 4, 16);
            Codec.putInt(r, 20, A_SESSION_TIMEOUT, 3600);
            r[26] = (byte) A_MESSAGE_AUTHENTICATOR;
            r[27] = 18;
            c.signMessageAuthenticator(r, 44, 28);
            c.md5.update(r, 0, 44);
            c.md5.update(secret);
            c.md5.digest(r, 4, 16);
            check(c.verifyReply(r, 44, ra, 0) == 44, "accept with Message-Authenticator");
            r[30] ^= 1;
            check(c.verifyReply(r, 44, ra, 0) < 0, "bad Message-Authenticator rejected");
            // accounting request authenticator
            byte[] acct = new byte[26];
            Codec.putInt(acct, 20, A_ACCT_STATUS_TYPE, ACCT_START);
            Codec.header(acct, ACCOUNTING_REQUEST, 9, 26);
            c.signAccountingRequest(acct, 26);
            var md = MessageDigest.getInstance("MD5");
            md.update(acct, 0, 4);
            md.update(new byte[16]);
            md.update(acct, 20, 6);
            md.update(secret);
            check(Arrays.equals(md.digest(), 0, 16, acct, 4, 20), "accounting authenticator");
            System.out.println("{\"selftest\": \"ok\"}");
        }

        static void check(boolean ok, String what) {
            if (!ok) {
                throw new AssertionError("selftest failed: " + what);
            }
        }
    }
}
