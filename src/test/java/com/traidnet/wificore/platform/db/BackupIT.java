package com.traidnet.wificore.platform.db;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A backup taken from a real embedded PostgreSQL while another connection keeps inserting,
 * restored into a second, fresh data directory and started there: what was committed before the
 * backup began is all there, and the restored database accepts writes.
 */
class BackupIT {

    private final List<EmbeddedPostgres> servers = new ArrayList<>();
    private Path work;

    @AfterEach
    void stop() throws IOException {
        servers.forEach(EmbeddedPostgres::close);
        if (work != null) {
            PostgresBinaries.deleteRecursively(work);
        }
    }

    @Test
    void backupTakenUnderWritesRestoresIntoAFreshDataDirectory() throws Exception {
        // as root the database runs as 'wificore', which must be able to enter the data directories
        work = Files.createTempDirectory(Path.of("/tmp"), "wificore-backup-it-");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path original = Files.createDirectory(work.resolve("original"));
        Path restored = Files.createDirectory(work.resolve("restored"));
        for (Path dir : List.of(original, restored)) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.writeString(original.resolve("secret.key"), "the-platform-secret-key\n");

        EmbeddedPostgres first = start(original);
        long committedBefore;
        try (Connection c = connect(first); var st = c.createStatement()) {
            st.execute("create table readings (id bigserial primary key, meter int not null, note text)");
            st.execute("create index on readings (meter)");
            st.execute("insert into readings (meter, note) select g % 97, repeat('x', 50) from generate_series(1, 20000) g");
            var rs = st.executeQuery("select max(id) from readings");
            rs.next();
            committedBefore = rs.getLong(1);
        }

        // retention: three older archives exist; with keep=2 only the new one and the newest old one stay
        EmbeddedBackups backups = EmbeddedBackups.of(original);
        Files.createDirectories(backups.directory());
        for (String stamp : List.of("20200101-000000", "20200102-000000", "20200103-000000")) {
            Files.writeString(backups.directory().resolve("wificore-" + stamp + "Z.tar.gz"), "old");
        }

        var writing = new AtomicBoolean(true);
        var inserted = new AtomicLong();
        Thread writer = Thread.ofPlatform().name("backup-it-writer").start(() -> {
            try (Connection c = connect(first); var st = c.prepareStatement(
                    "insert into readings (meter, note) select g % 97, 'during' from generate_series(1, 200) g")) {
                while (writing.get()) {
                    st.executeUpdate();
                    inserted.addAndGet(200);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        EmbeddedBackups.Result result;
        try {
            Thread.sleep(200); // the writer is busy before the backup starts
            result = backups.backup(2);
            // (c) a restore is refused while the server runs, and leaves everything as it was
            Path archive = result.archive().file();
            assertThatThrownBy(() -> backups.restore(archive))
                    .isInstanceOf(BackupException.class).hasMessageContaining("the database is running");
        } finally {
            writing.set(false);
            writer.join();
        }
        assertThat(inserted.get()).as("rows inserted while the backup ran").isPositive();
        first.close();

        Path archive = result.archive().file();
        assertThat(archive.getFileName().toString()).matches("wificore-\\d{8}-\\d{6}Z\\.tar\\.gz");
        assertThat(Files.getPosixFilePermissions(archive)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        // (d) retention
        assertThat(backups.list()).extracting(a -> a.file().getFileName().toString())
                .containsExactly(archive.getFileName().toString(), "wificore-20200103-000000Z.tar.gz");
        assertThat(result.deleted()).hasSize(2);
        try (var files = Files.list(backups.directory())) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".partial")).toList()).isEmpty();
        }
        assertThat(Files.list(original.resolve("postgres")).map(p -> p.getFileName().toString()).toList())
                .noneMatch(n -> n.startsWith("cluster.restoring") || n.startsWith("cluster.before-restore"));

        // a truncated archive is refused in words, and leaves nothing behind (no copy of the credentials)
        Path truncated = Files.createTempFile(restored.getParent(), "truncated-", ".tar.gz");
        try (var in = Files.newInputStream(archive)) {
            Files.write(truncated, in.readNBytes(100_000));
        }
        assertThatThrownBy(() -> EmbeddedBackups.of(restored).restore(truncated))
                .hasMessageContaining("truncated or damaged");
        if (Files.isDirectory(restored.resolve("postgres"))) {
            try (var left = Files.list(restored.resolve("postgres"))) {
                assertThat(left.map(p -> p.getFileName().toString()).toList())
                        .noneMatch(n -> n.startsWith("cluster.restoring"));
            }
        }

        // restore into a fresh data directory and start a server there: it recovers from backup_label
        EmbeddedBackups.Restored done = EmbeddedBackups.of(restored).restore(archive);
        assertThat(done.previousCluster()).isEmpty();
        assertThat(Files.readString(restored.resolve("secret.key"))).isEqualTo("the-platform-secret-key\n");
        assertThat(Files.getPosixFilePermissions(restored.resolve("postgres/cluster")))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        EmbeddedPostgres second = start(restored);
        // the server took the backup_label path (not a plain crash recovery) and reached its end
        assertThat(Files.readString(restored.resolve("postgres/postgres.log")))
                .contains("starting backup recovery with redo LSN").contains("completed backup recovery");
        try (Connection c = connect(second); var st = c.createStatement()) {
            // (a) everything committed before the backup began
            var rs = st.executeQuery("select count(*) from readings where id <= " + committedBefore);
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(committedBefore);
            // (b) consistent: out of recovery; the index agrees with the table; writable
            rs = st.executeQuery("select pg_is_in_recovery()");
            rs.next();
            assertThat(rs.getBoolean(1)).isFalse();
            long bySeqScan = count(st, "off");
            long byIndex = count(st, "on");
            assertThat(byIndex).isEqualTo(bySeqScan).isGreaterThanOrEqualTo(committedBefore);
            assertThat(st.executeUpdate("insert into readings (meter, note) values (1, 'after restore')")).isEqualTo(1);
            st.execute("vacuum readings");
            rs = st.executeQuery("select count(*) from readings where note = 'after restore'");
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
        }
    }

    /** Rows of meter 5, read once through the index and once by a sequential scan. */
    private static long count(java.sql.Statement st, String indexScan) throws SQLException {
        st.execute("set enable_seqscan = " + ("on".equals(indexScan) ? "off" : "on"));
        st.execute("set enable_indexscan = " + indexScan);
        st.execute("set enable_bitmapscan = " + indexScan);
        long total = 0;
        for (int meter = 0; meter < 97; meter++) {
            var rs = st.executeQuery("select count(*) from readings where meter = " + meter);
            rs.next();
            total += rs.getLong(1);
        }
        return total;
    }

    private EmbeddedPostgres start(Path dataDir) throws IOException {
        EmbeddedPostgres server = EmbeddedPostgres.start(dataDir, freePort());
        servers.add(server);
        return server;
    }

    private static Connection connect(EmbeddedPostgres server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
