package com.traidnet.wificore.platform;

import com.traidnet.wificore.support.JarProcesses;
import com.traidnet.wificore.support.Api;
import com.traidnet.wificore.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static com.traidnet.wificore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar as an operator runs it: {@code java -jar target/wificore.jar} with the
 * embedded PostgreSQL, stopped with SIGTERM and started again on the same data.
 */
class PlatformLaunchIT {

    private static final String ADMIN_PASSWORD = "launch-admin-password";
    private final List<Process> started = new ArrayList<>();
    private final java.util.Map<Process, Path> stderrFiles = new java.util.concurrent.ConcurrentHashMap<>();

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path work;

    @AfterEach
    void killLeftovers() throws InterruptedException {
        for (Process p : started) {
            if (p.isAlive()) {
                p.destroy();
                p.waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void startsServesStopsCleanlyAndKeepsItsDataAcrossRestarts() throws Exception {
        Path data = enterable(work.resolve("data"));
        int http = TestDatabase.freePort();
        int db = TestDatabase.freePort();

        Process first = launch(data, http, db);
        long startedAt = System.nanoTime();
        awaitHealthy(first, http);
        System.out.printf("platform healthy %d ms after launch (fresh data dir)%n",
                (System.nanoTime() - startedAt) / 1_000_000);

        var api = new Api(http);
        var created = api.post("/api/register", json("tenantName", "Launch WiFi", "slug", "launch_wifi",
                "adminEmail", "admin@launch.test", "adminPassword", "launch-tenant-pw"), null);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String token = api.post("/api/auth/login", json("email", "admin@launch.test", "password", "launch-tenant-pw"),
                null).text("token");
        assertThat(api.get("/api/me", token).text("email")).isEqualTo("admin@launch.test");

        first.destroy(); // SIGTERM
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(portOpen(db)).as("embedded PostgreSQL stopped with the platform").isFalse();
        assertThat(Files.exists(data.resolve("postgres/cluster/postmaster.pid"))).isFalse();

        Process second = launch(data, http, db);
        awaitHealthy(second, http);
        assertThat(api.get("/api/me", token).text("email")).as("token survived the restart").isEqualTo("admin@launch.test");
        assertThat(api.post("/api/auth/login", json("email", "admin@launch.test", "password", "launch-tenant-pw"), null)
                .status()).isEqualTo(200);
        assertThat(schemaExists(data, db, "ts_launch_wifi")).isTrue();
        second.destroy();
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aTakenDatabasePortIsAOneLineError() throws Exception {
        Path data = enterable(work.resolve("taken"));
        try (var occupier = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Process p = launch(data, TestDatabase.freePort(), occupier.getLocalPort());
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(1);
            String err = stderr(p);
            assertThat(err.strip().lines().toList()).hasSize(1);
            assertThat(err).contains("Port " + occupier.getLocalPort() + " is already in use");
        }
    }

    @Test
    void anUnwritableDataDirectoryIsAOneLineError() throws Exception {
        Process p = launch(Path.of("/proc/wificore-cannot-write-here"), TestDatabase.freePort(), TestDatabase.freePort());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        String err = stderr(p);
        assertThat(err.strip().lines().toList()).hasSize(1);
        assertThat(err).contains("is not writable").contains("WIFICORE_DATA_DIR");
    }

    private Process launch(Path data, int http, int db) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = System.getProperty("wificore.jar", "target/wificore.jar");
        var builder = new ProcessBuilder(java, "-jar", jar);
        builder.environment().put("WIFICORE_DATA_DIR", data.toString());
        builder.environment().put("WIFICORE_HTTP_PORT", String.valueOf(http));
        builder.environment().put("WIFICORE_DB_PORT", String.valueOf(db));
        builder.environment().put("WIFICORE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().put("WIFICORE_WS_PORT", "0"); // several platforms may run at once here
        builder.environment().put("WIFICORE_WS_METRICS_PORT", "-1");
        builder.environment().remove("WIFICORE_DB_URL");
        Path out = Files.createTempFile(work, "stdout-", ".log");
        builder.redirectOutput(out.toFile());
        // straight to a file: once the process has exited, all it wrote is there (a reader thread could lag)
        Path err = Files.createTempFile(work, "stderr-", ".log");
        Process process = builder.redirectError(err.toFile()).start();
        stderrFiles.put(process, err);
        started.add(process);
        return process;
    }

    private String stderr(Process p) throws IOException {
        return Files.readString(stderrFiles.get(p));
    }

    private static void awaitHealthy(Process process, int port) throws InterruptedException {
        JarProcesses.awaitHealthy(process, port, Duration.ofSeconds(120));
    }

    private static boolean portOpen(int port) {
        return JarProcesses.portOpen(port);
    }

    private static boolean schemaExists(Path data, int port, String schema) throws Exception {
        var credentials = new Properties();
        try (var in = Files.newInputStream(data.resolve("postgres/credentials"))) {
            credentials.load(in);
        }
        try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/wificore", "wificore",
                credentials.getProperty("wificore"));
             var st = c.prepareStatement("select 1 from pg_namespace where nspname = ?")) {
            st.setString(1, schema);
            return st.executeQuery().next();
        }
    }

    private Path enterable(Path dir) throws IOException {
        Files.createDirectories(dir);
        // @TempDir is 0700; as root the database account must be able to enter it
        for (Path p = dir; p != null && p.startsWith(work.getParent()); p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return dir;
    }
}
