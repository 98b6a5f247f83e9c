package com.traidnet.wificore.partition;

import com.traidnet.wificore.support.JarProcesses;
import com.traidnet.wificore.support.Api;
import com.traidnet.wificore.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.traidnet.wificore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator commands as an operator runs them: {@code java -jar target/wificore.jar partitions …},
 * once on a data directory no platform is running on (the command starts the embedded database
 * and stops it again), once next to the running platform (the command uses the platform's
 * database and leaves it running).
 */
class PartitionsCommandIT {

    private final List<Process> started = new ArrayList<>();

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path work;

    record Result(int exit, String out, String err) {
    }

    @AfterEach
    void stopLeftovers() throws InterruptedException {
        for (Process p : started) {
            if (p.isAlive()) {
                p.destroy();
                p.waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void withoutARunningPlatformACommandStartsAndStopsItsOwnDatabase() throws Exception {
        Path data = enterable(work.resolve("alone"));
        int db = TestDatabase.freePort();

        Result status = command(data, db, "partitions", "status");
        assertThat(status.exit()).as(status.toString()).isZero();
        assertThat(status.out()).contains("managed tables (days in UTC):", "tenant radacct acctstarttime premake=7",
                "last run: never", "catalog: 0 tenant schema(s)");
        assertThat(portOpen(db)).as("the command's own database is stopped").isFalse();
        assertThat(Files.exists(data.resolve("postgres/cluster/postmaster.pid"))).isFalse();

        Result dry = command(data, db, "partitions", "maintain", "--dry-run");
        assertThat(dry.exit()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("partitions maintain --dry-run: day ").contains("platform jobs");

        Result usage = command(data, db, "partitions", "vacuum");
        assertThat(usage.exit()).isEqualTo(PartitionsCommand.USAGE);
        assertThat(usage.err()).contains("unknown subcommand 'vacuum'", "partitions maintain [--tenant SLUG]");
    }

    @Test
    void nextToTheRunningPlatformACommandUsesItsDatabaseAndLeavesItRunning() throws Exception {
        Path data = enterable(work.resolve("shared"));
        int http = TestDatabase.freePort();
        int db = TestDatabase.freePort();
        Process platform = launch(data, List.of(), http, db);
        awaitHealthy(platform, http);
        var api = new Api(http);
        var created = api.post("/api/register", json("tenantName", "CLI WiFi", "slug", "cli_wifi",
                "adminEmail", "admin@cli.test", "adminPassword", "cli-tenant-password"), null);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);

        // a different WIFICORE_DB_PORT on purpose: the command finds the running server's port itself
        Result status = command(data, TestDatabase.freePort(), "partitions", "status");
        assertThat(status.exit()).as(status.toString()).isZero();
        assertThat(status.out()).containsPattern("radacct\\s+1\\s+8\\s+0\\s+0\\s+0")
                .contains("catalog: 1 tenant schema(s)");

        Result dry = command(data, db, "partitions", "maintain", "--tenant", "cli_wifi", "--dry-run");
        assertThat(dry.exit()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("3 table(s)", "0 would create, 0 would retire");

        Result maintain = command(data, db, "partitions", "maintain");
        assertThat(maintain.exit()).as(maintain.toString()).isZero();
        assertThat(maintain.out()).contains("0 error(s) (run ");

        Result help = command(data, db, "help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("partitions maintain [--tenant SLUG] [--dry-run]", "partitions status");

        assertThat(command(data, db, "no-such-command").exit()).isEqualTo(2);

        assertThat(platform.isAlive()).isTrue();
        assertThat(api.get("/health", null).status()).as("the platform kept its database").isEqualTo(200);
        assertThat(api.post("/api/auth/login", json("email", "admin@cli.test", "password", "cli-tenant-password"),
                null).status()).isEqualTo(200);
        platform.destroy();
        assertThat(platform.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(portOpen(db)).isFalse();
    }

    private Result command(Path data, int db, String... args) throws Exception {
        List<String> words = new ArrayList<>(List.of(args));
        Process p = launch(data, words, TestDatabase.freePort(), db);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("command finished").isTrue();
        Path out = work.resolve("stdout-" + p.pid());
        Path err = work.resolve("stderr-" + p.pid());
        for (int i = 0; i < 100 && !(Files.exists(out) && Files.exists(err)); i++) {
            Thread.sleep(50); // the output copies finish right after the process
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private Process launch(Path data, List<String> args, int http, int db) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = System.getProperty("wificore.jar", "target/wificore.jar");
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar));
        command.addAll(args);
        var builder = new ProcessBuilder(command);
        builder.environment().put("WIFICORE_DATA_DIR", data.toString());
        builder.environment().put("WIFICORE_HTTP_PORT", String.valueOf(http));
        builder.environment().put("WIFICORE_DB_PORT", String.valueOf(db));
        builder.environment().put("WIFICORE_ADMIN_PASSWORD", "cli-admin-password");
        builder.environment().put("WIFICORE_RADIUS_AUTH_PORT", "0");
        builder.environment().put("WIFICORE_RADIUS_ACCT_PORT", "0");
        builder.environment().put("WIFICORE_WS_PORT", "0"); // several platforms may run at once here
        builder.environment().put("WIFICORE_WS_METRICS_PORT", "-1");
        builder.environment().remove("WIFICORE_DB_URL");
        Process process = builder.start();
        copy(process.getInputStream(), work.resolve("stdout-" + process.pid()));
        copy(process.getErrorStream(), work.resolve("stderr-" + process.pid()));
        started.add(process);
        return process;
    }

    private static void copy(java.io.InputStream in, Path to) {
        Thread.ofVirtual().start(() -> {
            try (in) {
                byte[] bytes = in.readAllBytes();
                Path part = to.resolveSibling(to.getFileName() + ".part");
                Files.write(part, bytes);
                Files.move(part, to);
            } catch (IOException ignored) {
                // the process is gone; whatever was read is lost with it
            }
        });
    }

    private static void awaitHealthy(Process process, int port) throws InterruptedException {
        JarProcesses.awaitHealthy(process, port, Duration.ofSeconds(120));
    }

    private static boolean portOpen(int port) {
        return JarProcesses.portOpen(port);
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
