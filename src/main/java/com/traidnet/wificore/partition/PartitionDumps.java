package com.traidnet.wificore.partition;

import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.zip.GZIPOutputStream;

/**
 * Partition-level backup before a drop: {@code COPY <partition> TO STDOUT (FORMAT csv, HEADER)}
 * through the driver's CopyManager, on the caller's transaction (so under its locks), into
 * {@code <dump dir>/<schema>/<partition>.csv.gz}. The file appears complete or not at all
 * (written aside, synced, then moved into place); an existing dump is never overwritten — a
 * second dump of the same day (rows that reached the default partition later, or a run repeated
 * after a crash between dump and drop) gets {@code .1}, {@code .2}, … in its name. Restore with
 * {@code \copy <table> from program 'zcat <file>' (format csv, header)}.
 */
@Component
class PartitionDumps {

    private final DataSource dataSource;
    private final Path directory;

    PartitionDumps(DataSource dataSource, PartitionSettings settings,
                   @Value("${wificore.data.dir:data}") String dataDir) {
        this.dataSource = dataSource;
        this.directory = settings.dumpDirectory(dataDir).toAbsolutePath().normalize();
    }

    Path directory() {
        return directory;
    }

    /** Must run inside a transaction; returns the file written. */
    Path dump(String schema, String partition) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Path dir = Files.createDirectories(directory.resolve(schema));
            Path temp = Files.createTempFile(dir, "." + partition + "-", ".tmp");
            try {
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                    connection.unwrap(PGConnection.class).getCopyAPI().copyOut(
                            "copy " + Sql.qualified(schema, partition) + " to stdout (format csv, header)", out);
                }
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    channel.force(true); // the rows are about to be dropped
                }
                return publish(temp, dir, partition);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot dump " + schema + "." + partition + " to " + directory
                    + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot dump " + schema + "." + partition + ": " + e.getMessage(), e);
        }
    }

    private static Path publish(Path temp, Path dir, String partition) throws IOException {
        for (int n = 0; ; n++) {
            Path target = dir.resolve(partition + (n == 0 ? "" : "." + n) + ".csv.gz");
            try {
                Files.createLink(target, temp); // fails if taken, so an earlier dump is never replaced
                return target;
            } catch (FileAlreadyExistsException taken) {
                // next suffix
            } catch (UnsupportedOperationException noLinks) {
                if (!Files.exists(target)) {
                    return Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        }
    }
}
