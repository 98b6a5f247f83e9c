package com.traidnet.wificore.platform.db;

import org.springframework.modulith.NamedInterface;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Online physical backups of the embedded PostgreSQL (see docs/backup.md and ADR 0013): archives
 * {@code <data dir>/backups/wificore-<yyyyMMdd-HHmmss>Z.tar.gz} holding the cluster copied between
 * {@code pg_backup_start} and {@code pg_backup_stop}, its {@code backup_label} and the WAL from the
 * backup's start to its end, plus the data directory's {@code postgres/credentials} and
 * {@code secret.key} without which the restored database could not be opened or its secrets read.
 * {@link #restore} swaps such an archive in for the cluster while the platform is stopped; the next
 * normal start recovers from it.
 */
@NamedInterface("backups")
public final class EmbeddedBackups {

    static final String PREFIX = "wificore-";
    static final String SUFFIX = "Z.tar.gz";
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Pattern ARCHIVE = Pattern.compile("wificore-\\d{8}-\\d{6}Z\\.tar\\.gz");

    private final Path dataDir;
    private final Path root;
    private final Clock clock;

    private EmbeddedBackups(Path dataDir, Clock clock) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.root = this.dataDir.resolve("postgres");
        this.clock = clock;
    }

    /** Backups of the embedded database under {@code dataDir} ({@code WIFICORE_DATA_DIR}). */
    public static EmbeddedBackups of(Path dataDir) {
        return new EmbeddedBackups(dataDir, Clock.systemUTC());
    }

    static EmbeddedBackups of(Path dataDir, Clock clock) {
        return new EmbeddedBackups(dataDir, clock);
    }

    /** One archive in the backups directory. */
    public record Archive(Path file, long bytes, Instant created) {
    }

    /** What a backup wrote, and which older archives it deleted. */
    public record Result(Archive archive, Duration took, List<Path> deleted) {
    }

    /** What a restore moved aside (never deleted), for the operator to remove once satisfied. */
    public record Restored(Path archive, Optional<Path> previousCluster, List<Path> previousFiles) {
    }

    public Path directory() {
        return dataDir.resolve("backups");
    }

    /**
     * Makes a backup of the server running on this data directory, then keeps only the newest
     * {@code keep} archives.
     *
     * @throws BackupException if no server runs here or the backup fails (no partial file stays)
     */
    public Result backup(int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1, not " + keep);
        }
        Path cluster = root.resolve("cluster");
        int port = RunningServer.find(cluster).orElseThrow(() -> new BackupException(
                "the embedded database is not running on " + dataDir + "; start the platform (or run"
                        + " 'java -jar wificore.jar backup', which starts it for the backup)"));
        Instant started = clock.instant();
        Path target = directory().resolve(PREFIX + STAMP.format(started.atOffset(ZoneOffset.UTC)) + SUFFIX);
        try {
            Files.createDirectories(directory());
            Files.setPosixFilePermissions(directory(), PosixFilePermissions.fromString("rwx------"));
            if (Files.exists(target)) {
                throw new BackupException(target + " already exists; one backup per second at most");
            }
            String superuserPassword = superuserPassword();
            Path partial = directory().resolve("." + target.getFileName() + ".partial");
            try {
                new BackupWriter(cluster, port, superuserPassword, sideFiles())
                        .write(partial, "wificore " + target.getFileName());
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            Archive archive = new Archive(target, Files.size(target), started);
            List<Path> deleted = prune(keep);
            return new Result(archive, Duration.between(started, clock.instant()), deleted);
        } catch (IOException e) {
            throw new BackupException("backup failed: " + e.getMessage(), e);
        }
    }

    /** The archives, newest first. */
    public List<Archive> list() {
        if (!Files.isDirectory(directory())) {
            return List.of();
        }
        List<Archive> archives = new ArrayList<>();
        try (var files = Files.list(directory())) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (ARCHIVE.matcher(name).matches() && Files.isRegularFile(file)) {
                    created(name).ifPresent(at -> archives.add(new Archive(file, sizeOf(file), at)));
                }
            }
        } catch (IOException e) {
            throw new BackupException("cannot list " + directory() + ": " + e.getMessage(), e);
        }
        archives.sort(Comparator.comparing(Archive::created).reversed());
        return archives;
    }

    /** The newest archive's time, if there is one. */
    public Optional<Instant> lastSuccess() {
        return list().stream().findFirst().map(Archive::created);
    }

    /** Deletes all but the newest {@code keep} archives; returns the deleted files. */
    public List<Path> prune(int keep) {
        List<Path> deleted = new ArrayList<>();
        List<Archive> archives = list();
        for (Archive old : archives.subList(Math.min(keep, archives.size()), archives.size())) {
            try {
                Files.deleteIfExists(old.file());
                deleted.add(old.file());
            } catch (IOException e) {
                throw new BackupException("cannot delete old backup " + old.file() + ": " + e.getMessage(), e);
            }
        }
        return deleted;
    }

    /**
     * Replaces the cluster with the one in {@code archive}. The platform must be stopped: refuses
     * when a live process holds the cluster's {@code postmaster.pid}. The current cluster is moved
     * to {@code cluster.before-restore-<stamp>}, never deleted; the next start of the platform runs
     * the recovery.
     */
    public Restored restore(Path archive) {
        return new ClusterRestore(dataDir, root, clock).restore(archive);
    }

    private String superuserPassword() throws IOException {
        Path file = root.resolve("credentials");
        if (!Files.isReadable(file)) {
            throw new BackupException("cannot read " + file + " (the embedded database's credentials)");
        }
        var credentials = new java.util.Properties();
        try (var in = Files.newInputStream(file)) {
            credentials.load(in);
        }
        String password = credentials.getProperty(EmbeddedPostgres.SUPERUSER);
        if (password == null) {
            throw new BackupException(file + " holds no superuser password");
        }
        return password;
    }

    /** Files outside the cluster that a restored cluster needs, by their name in the archive. */
    private List<BackupWriter.SideFile> sideFiles() {
        return List.of(new BackupWriter.SideFile(ClusterRestore.CREDENTIALS, root.resolve("credentials")),
                new BackupWriter.SideFile(ClusterRestore.SECRET_KEY, dataDir.resolve("secret.key")));
    }

    static Optional<Instant> created(String fileName) {
        try {
            String stamp = fileName.substring(PREFIX.length(), fileName.length() - SUFFIX.length());
            return Optional.of(LocalDateTime.parse(stamp, STAMP).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
