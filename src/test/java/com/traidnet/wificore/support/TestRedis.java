package com.traidnet.wificore.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One real Redis per test JVM. With a {@code redis-server} binary (on the PATH or
 * /usr/bin; .ci/run installs Debian's), a private server on a free port, without persistence,
 * stopped when the JVM exits: tests never depend on a Redis someone started by hand. Without
 * one, {@code WIFICORE_TEST_REDIS_URL}, else {@code redis://127.0.0.1:6379}. Tests share it,
 * so each uses its own key prefix or app ids.
 */
public final class TestRedis {

    private static String url;

    private TestRedis() {
    }

    public static synchronized String url() {
        if (url == null) {
            Path binary = findBinary();
            if (binary != null) {
                url = startPrivate(binary);
            } else {
                String env = System.getenv("WIFICORE_TEST_REDIS_URL");
                url = env != null && !env.isBlank() ? env : "redis://127.0.0.1:6379";
            }
        }
        return url;
    }

    private static Path findBinary() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(java.io.File.pathSeparator)), Stream.of("/usr/bin"))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "redis-server"))
                .filter(Files::isExecutable)
                .findFirst().orElse(null);
    }

    /** Starts redis-server on a free port; retried, since another process may take the port first. */
    private static String startPrivate(Path binary) {
        IllegalStateException failure = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Path dir = Files.createTempDirectory("wificore-test-redis-");
                int port = TestDatabase.freePort();
                Process process = new ProcessBuilder(binary.toString(), "--port", Integer.toString(port),
                        "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString(),
                        "--daemonize", "no")
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("redis.log").toFile())
                        .start();
                if (awaitPong(port, process)) {
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process, dir)));
                    return "redis://127.0.0.1:" + port;
                }
                stop(process, dir);
                failure = new IllegalStateException("redis-server did not answer on port " + port);
            } catch (IOException e) {
                failure = new IllegalStateException("could not start " + binary, e);
            }
        }
        throw failure;
    }

    private static boolean awaitPong(int port, Process process) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                socket.setSoTimeout(1000);
                OutputStream out = socket.getOutputStream();
                out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                byte[] reply = in.readNBytes(7);
                if (new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n")) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static void stop(Process process, Path dir) {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
