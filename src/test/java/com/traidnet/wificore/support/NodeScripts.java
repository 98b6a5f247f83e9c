package com.traidnet.wificore.support;

import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Runs the Node.js scenarios of {@code src/test/node/realtime} (stock {@code pusher-js},
 * {@code pusher} and {@code laravel-echo} against our real-time server) and of the other projects
 * under {@code src/test/node/} (such as {@code web}: playwright-core). Installs their npm
 * packages once ({@code npm ci}) when {@code node_modules} is missing or older than
 * {@code package-lock.json}, under a file lock so concurrent test JVMs don't collide. A script
 * prints JSON lines on stdout; the last one is its result, earlier ones are progress (such
 * as {@code {"ready":true}}) a test may wait for.
 */
public final class NodeScripts {

    /** How a script ended: exit code (-1 when it had to be killed), its result line, and all it printed. */
    public record Result(int exitCode, JsonNode json, List<String> stdout, String stderr) {

        public boolean ok() {
            return exitCode == 0 && json != null && json.path("ok").asBoolean(false);
        }

        /** The result, or an AssertionError that shows what the script said. */
        public JsonNode requireOk() {
            if (!ok()) {
                throw new AssertionError("node script failed: " + describe());
            }
            return json;
        }

        public String describe() {
            String err = stderr.length() > 6000 ? "…" + stderr.substring(stderr.length() - 6000) : stderr;
            return "exit " + exitCode + ", result " + json + "\n--- stdout ---\n" + String.join("\n", stdout)
                    + "\n--- stderr (tail) ---\n" + err;
        }
    }

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final java.util.Set<Path> installed = new java.util.HashSet<>();

    private NodeScripts() {
    }

    /** Runs {@code script} to its end; the script's own timer is {@code timeout}, the hard kill a little later. */
    public static Result run(String script, Map<String, String> env, Duration timeout, String... args) {
        return runIn("realtime", script, env, timeout, args);
    }

    /** Runs {@code script} of the project {@code src/test/node/{project}} to its end. */
    public static Result runIn(String project, String script, Map<String, String> env, Duration timeout,
                               String... args) {
        try (Running running = startIn(project, script, env, timeout, args)) {
            return running.await();
        }
    }

    /** Starts {@code script} for a test that talks to it while it runs (see {@link Running#awaitLine}). */
    public static Running start(String script, Map<String, String> env, Duration timeout, String... args) {
        return startIn("realtime", script, env, timeout, args);
    }

    /** Starts {@code script} of the project {@code src/test/node/{project}}. */
    public static Running startIn(String project, String script, Map<String, String> env, Duration timeout,
                                  String... args) {
        Path dir = directory(project);
        ensureInstalled(dir);
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().putAll(env);
        builder.environment().put("TIMEOUT_MS", Long.toString(timeout.toMillis()));
        try {
            Process process = builder.start();
            process.getOutputStream().close(); // scripts read nothing from stdin
            return new Running(process, timeout.plus(GRACE));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start node " + script + ": " + e.getMessage(), e);
        }
    }

    /** A script that is running: its stdout lines as they come, and its end. */
    public static final class Running implements AutoCloseable {

        private static final String END = "\u0000end";
        private final Process process;
        private final Duration limit;
        private final long deadline;
        private final List<String> stdout = Collections.synchronizedList(new ArrayList<>());
        private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final StringBuffer stderr = new StringBuffer();
        private final Thread outReader;
        private final Thread errReader;

        private Running(Process process, Duration limit) {
            this.process = process;
            this.limit = limit;
            this.deadline = System.nanoTime() + limit.toNanos();
            this.outReader = Thread.ofVirtual().start(() -> pump(process.getInputStream(), line -> {
                stdout.add(line);
                lines.add(line);
            }, () -> lines.add(END)));
            this.errReader = Thread.ofVirtual().start(() -> pump(process.getErrorStream(),
                    line -> stderr.append(line).append('\n'), () -> { }));
        }

        /**
         * Waits for a JSON line matching {@code wanted} (e.g. {@code {"ready":true}}); fails with what
         * the script said if it ends or runs out of time first.
         */
        public JsonNode awaitLine(Predicate<JsonNode> wanted) {
            try {
                while (true) {
                    String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (line == null || line.equals(END)) {
                        throw new AssertionError("the node script " + (line == null ? "stayed silent" : "ended")
                                + " before the line the test waits for: " + await().describe());
                    }
                    JsonNode json = parse(line);
                    if (json != null && wanted.test(json)) {
                        return json;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Waits for the end (killing the script past its limit) and returns what it printed. */
        public Result await() {
            try {
                boolean ended = process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (!ended) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    stderr.append("killed by NodeScripts after ").append(limit.toSeconds()).append(" s\n");
                }
                outReader.join(Duration.ofSeconds(5));
                errReader.join(Duration.ofSeconds(5));
                List<String> out;
                synchronized (stdout) {
                    out = List.copyOf(stdout);
                }
                JsonNode last = out.reversed().stream().map(NodeScripts::parse).filter(j -> j != null).findFirst()
                        .orElse(null);
                return new Result(ended ? process.exitValue() : -1, last, out, stderr.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    private static void pump(InputStream in, java.util.function.Consumer<String> sink, Runnable atEnd) {
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                sink.accept(line);
            }
        } catch (IOException e) {
            // the process went away: what was read is what there is
        } finally {
            atEnd.run();
        }
    }

    private static JsonNode parse(String line) {
        if (!line.startsWith("{")) {
            return null;
        }
        try {
            return Api.JSON.readTree(line);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** {@code src/test/node/realtime} of this checkout, found from the working directory upwards. */
    public static Path directory() {
        return directory("realtime");
    }

    /** {@code src/test/node/{project}} of this checkout. */
    public static Path directory(String project) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("src/test/node/" + project);
            if (Files.isRegularFile(candidate.resolve("package.json"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("src/test/node/" + project + " not found above " + Path.of("").toAbsolutePath());
    }

    /** {@code npm ci} once per JVM when needed, under a lock shared by every JVM on this machine. */
    static synchronized void ensureInstalled(Path dir) {
        if (installed.contains(dir)) {
            return;
        }
        requireTool("node");
        requireTool("npm");
        Path lock = Path.of(System.getProperty("java.io.tmpdir"),
                "wificore-npm-" + Integer.toHexString(dir.toString().hashCode()) + ".lock");
        try (var channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             var held = channel.lock()) {
            if (stale(dir)) {
                npmCi(dir);
            }
            installed.add(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot lock " + lock + " for npm ci: " + e.getMessage(), e);
        }
    }

    private static boolean stale(Path dir) throws IOException {
        // npm writes node_modules/.package-lock.json at the end of every install
        Path done = dir.resolve("node_modules/.package-lock.json");
        if (!Files.exists(done)) {
            return true;
        }
        FileTime lockTime = Files.getLastModifiedTime(dir.resolve("package-lock.json"));
        return Files.getLastModifiedTime(done).compareTo(lockTime) < 0;
    }

    private static void npmCi(Path dir) throws IOException {
        Path log = Files.createTempFile("wificore-npm-ci-", ".log");
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        npm.getOutputStream().close();
        try {
            boolean ended = npm.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!ended) {
                npm.destroyForcibly();
            }
            if (!ended || npm.exitValue() != 0) {
                throw new IllegalStateException("npm ci in " + dir + (ended ? " failed (exit " + npm.exitValue() + ")"
                        : " took over " + INSTALL_TIMEOUT.toMinutes() + " min") + ":\n" + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static void requireTool(String tool) {
        try {
            Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            p.getOutputStream().close();
            p.getInputStream().readAllBytes();
            if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            // not installed: the message below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException(tool + " is not installed or does not run: the real-time black-box tests need"
                + " Node.js 18+ and npm (Debian: apt-get install nodejs npm; .ci/run installs them)");
    }
}
