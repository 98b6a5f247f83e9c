package com.traidnet.wificore.platform.db;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One online backup with PostgreSQL's non-exclusive low-level API, as {@code pg_basebackup -X fetch}
 * does it: on one superuser session {@code pg_backup_start}, a copy of the cluster's files while the
 * server keeps writing, {@code pg_backup_stop}, then the label it returns and the WAL from the
 * backup's start to its end. A temporary replication slot, created first, keeps the server from
 * recycling that WAL while the files are copied. Archive layout: {@code cluster/…} (a data
 * directory with {@code backup_label}) and the side files at the top.
 */
final class BackupWriter {

    static final String CLUSTER = "cluster/";
    private static final long WAL_WAIT_MS = 10_000;

    /** A file from outside the cluster, stored at the archive's top level under {@code name}. */
    record SideFile(String name, Path file) {
    }

    private final Path cluster;
    private final int port;
    private final String superuserPassword;
    private final List<SideFile> sideFiles;

    BackupWriter(Path cluster, int port, String superuserPassword, List<SideFile> sideFiles) {
        this.cluster = cluster;
        this.port = port;
        this.superuserPassword = superuserPassword;
        this.sideFiles = sideFiles;
    }

    void write(Path target, String label) throws IOException {
        Files.deleteIfExists(target);
        // 0600 from the first byte: the archive holds the credentials and password hashes
        Files.createFile(target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Connection session = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres", EmbeddedPostgres.SUPERUSER, superuserPassword);
             OutputStream file = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16);
             var tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (SideFile side : sideFiles) {
                if (Files.isRegularFile(side.file())) {
                    addFile(tar, side.file(), side.name());
                }
            }
            long segmentSize = querySegmentSize(session);
            String slot = "wificore_backup_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
            query(session, "select pg_create_physical_replication_slot(?, true, true)", slot);
            long start = WalSegments.parseLsn(query(session, "select pg_backup_start(?, true)", label));
            copyCluster(tar);
            String labelFile;
            String mapFile;
            long stop;
            try (var st = session.createStatement();
                 var rs = st.executeQuery("select labelfile, spcmapfile, lsn from pg_backup_stop(false)")) {
                rs.next();
                labelFile = rs.getString(1);
                mapFile = rs.getString(2);
                stop = WalSegments.parseLsn(rs.getString(3));
            }
            // completes the segment holding the backup-end record (pg_backup_stop usually has already)
            query(session, "select pg_switch_wal()", null);
            int timeline = Integer.parseUnsignedInt(
                    query(session, "select pg_walfile_name(?::pg_lsn)", lsnText(stop)).substring(0, 8), 16);
            addText(tar, CLUSTER + "backup_label", labelFile);
            if (mapFile != null && !mapFile.isEmpty()) {
                addText(tar, CLUSTER + "tablespace_map", mapFile);
            }
            for (String segment : WalSegments.between(timeline, start, stop, segmentSize)) {
                addWal(tar, segment, segmentSize);
            }
            tar.finish();
        } catch (SQLException e) {
            throw new IOException("the database refused a backup step: " + e.getMessage(), e);
        }
    }

    private void copyCluster(TarArchiveOutputStream tar) throws IOException {
        Files.walkFileTree(cluster, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path relative = cluster.relativize(dir);
                if (BackupSkips.skip(relative, true)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                var entry = new TarArchiveEntry(CLUSTER + (relative.toString().isEmpty() ? "" : relative + "/"));
                entry.setMode(040700);
                tar.putArchiveEntry(entry);
                tar.closeArchiveEntry();
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path relative = cluster.relativize(file);
                if (BackupSkips.skip(relative, false)) {
                    return FileVisitResult.CONTINUE;
                }
                if (attrs.isSymbolicLink()) {
                    // pg_tblspc links: the platform never creates tablespaces, so one here is a surprise
                    throw new IOException(file + " is a symbolic link (a tablespace?); this backup copies only"
                            + " the cluster directory, use pg_basebackup for a cluster with tablespaces");
                }
                if (attrs.isRegularFile()) {
                    addFile(tar, file, CLUSTER + relative);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // dropped while we walked: replay does not need it
                }
                throw e;
            }
        });
    }

    /**
     * Adds a file as it is now. It may change while read — WAL replay repairs that — or vanish
     * (then it is left out). Its length is taken when opened; if it shrinks meanwhile the entry is
     * padded with zeros, as pg_basebackup does, since a tar entry's size is written first.
     */
    private static void addFile(TarArchiveOutputStream tar, Path file, String name) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return;
        }
        try (channel) {
            long size = channel.size();
            var entry = new TarArchiveEntry(name);
            entry.setSize(size);
            entry.setMode(0100600);
            tar.putArchiveEntry(entry);
            InputStream in = Channels.newInputStream(channel);
            byte[] buffer = new byte[1 << 16];
            long copied = 0;
            while (copied < size) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, size - copied));
                if (n < 0) {
                    break;
                }
                tar.write(buffer, 0, n);
                copied += n;
            }
            java.util.Arrays.fill(buffer, (byte) 0);
            while (copied < size) {
                int n = (int) Math.min(buffer.length, size - copied);
                tar.write(buffer, 0, n);
                copied += n;
            }
            tar.closeArchiveEntry();
        }
    }

    private static void addText(TarArchiveOutputStream tar, String name, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        var entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        entry.setMode(0100600);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    /** A WAL segment the restore replays; waits briefly for the last one to appear. */
    private void addWal(TarArchiveOutputStream tar, String segment, long segmentSize) throws IOException {
        Path file = cluster.resolve("pg_wal").resolve(segment);
        long deadline = System.currentTimeMillis() + WAL_WAIT_MS;
        while (!(Files.isRegularFile(file) && Files.size(file) == segmentSize)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IOException("WAL segment " + segment + " is missing from " + file.getParent()
                        + "; the backup would not be restorable");
            }
            sleep();
        }
        addFile(tar, file, CLUSTER + "pg_wal/" + segment);
    }

    private static long querySegmentSize(Connection session) throws SQLException {
        try (var st = session.createStatement();
             var rs = st.executeQuery("select setting::bigint from pg_settings where name = 'wal_segment_size'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String query(Connection session, String sql, String parameter) throws SQLException {
        try (var st = session.prepareStatement(sql)) {
            if (parameter != null) {
                st.setString(1, parameter);
            }
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static String lsnText(long lsn) {
        return Long.toHexString(lsn >>> 32).toUpperCase() + "/" + Long.toHexString(lsn & 0xFFFF_FFFFL).toUpperCase();
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for WAL", e);
        }
    }
}
