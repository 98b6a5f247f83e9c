package com.traidnet.wificore.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The backup commands' answers that need no database: they run before Spring and any server. */
class BackupCommandsTest {

    @TempDir
    Path data;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return BackupCommands.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void anExternalDatabaseIsTheOperatorsToBackUp() {
        for (String[] args : new String[][] {{"backup"}, {"backup", "list"}, {"restore", "x.tar.gz"}}) {
            String[] withUrl = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                    java.util.stream.Stream.of("--wificore.db.url=jdbc:postgresql://db:5432/wificore")).toArray(String[]::new);
            assertThat(run(withUrl)).isEqualTo(1);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("pg_basebackup or pgBackRest");
    }

    @Test
    void listsArchivesNewestFirst() throws Exception {
        Path backups = Files.createDirectories(data.resolve("backups"));
        Files.write(backups.resolve("wificore-20261101-013000Z.tar.gz"), new byte[2048]);
        Files.write(backups.resolve("wificore-20261102-013000Z.tar.gz"), new byte[10]);
        Files.writeString(backups.resolve("notes.txt"), "not an archive");
        assertThat(run("backup", "list", "--wificore.data.dir=" + data)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).hasSize(2)
                .satisfiesExactly(
                        l -> assertThat(l).startsWith("2026-11-02 01:30:00Z").contains("10 B"),
                        l -> assertThat(l).startsWith("2026-11-01 01:30:00Z").contains("2.0 KiB"));
    }

    @Test
    void restoreNeedsOneExistingFile() {
        assertThat(run("restore", "--wificore.data.dir=" + data)).isEqualTo(OperatorCommands.USAGE);
        assertThat(run("restore", "nope.tar.gz", "--wificore.data.dir=" + data)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such backup file");
        assertThat(run("backup", "now", "--wificore.data.dir=" + data)).isEqualTo(OperatorCommands.USAGE);
        assertThat(run("backup", "--wificore.backup.keep=0", "--wificore.data.dir=" + data)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("WIFICORE_BACKUP_KEEP must be");
    }
}
