package com.traidnet.wificore.platform.db;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Puts a backup archive in place of the cluster, with the platform stopped. The archive is first
 * unpacked next to the cluster ({@code cluster.restoring-<stamp>}), so a broken archive leaves
 * the current cluster as it was; only then is the current cluster moved aside to
 * {@code cluster.before-restore-<stamp>} (kept: the operator deletes it once satisfied) and the
 * new one moved in. The unpacked cluster gets the owner the old one had (the service account when
 * running as root) and mode 0700, as PostgreSQL requires. Recovery itself happens at the next
 * normal start: the server finds {@code backup_label} and replays the WAL that came with it.
 */
final class ClusterRestore {

    static final String CREDENTIALS = "credentials";
    static final String SECRET_KEY = "secret.key";

    private final Path dataDir;
    private final Path root;
    private final Clock clock;

    ClusterRestore(Path dataDir, Path root, Clock clock) {
        this.dataDir = dataDir;
        this.root = root;
        this.clock = clock;
    }

    EmbeddedBackups.Restored restore(Path archive) {
        Path cluster = root.resolve("cluster");
        if (!Files.isRegularFile(archive)) {
            throw new BackupException("no such backup file: " + archive);
        }
        refuseWhileRunning(cluster);
        String stamp = EmbeddedBackups.STAMP.format(clock.instant().atOffset(ZoneOffset.UTC));
        Path staging = root.resolve("cluster.restoring-" + stamp);
        Path aside = root.resolve("cluster.before-restore-" + stamp);
        try {
            Files.createDirectories(root);
            ServiceAccount account = ownerOf(cluster);
            List<Path> sideFiles;
            try {
                PostgresBinaries.deleteRecursively(staging);
                Files.createDirectory(staging, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
                sideFiles = extract(archive, staging);
                if (!Files.isRegularFile(staging.resolve("PG_VERSION"))
                        || !Files.isRegularFile(staging.resolve("backup_label"))) {
                    throw new BackupException(archive + " is not a WifiCore backup (no cluster/PG_VERSION"
                            + " or cluster/backup_label in it)");
                }
                account.own(staging);
            } catch (IOException | RuntimeException e) {
                PostgresBinaries.deleteRecursively(staging);
                // the side files unpack next to the staging dir: a failed restore leaves no copy of the passwords
                for (String side : List.of(CREDENTIALS, SECRET_KEY)) {
                    Files.deleteIfExists(staging.resolveSibling(staging.getFileName() + "." + side));
                }
                throw e;
            }
            Optional<Path> previous = Optional.empty();
            if (Files.exists(cluster, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(cluster, aside, StandardCopyOption.ATOMIC_MOVE);
                previous = Optional.of(aside);
            }
            Files.move(staging, cluster, StandardCopyOption.ATOMIC_MOVE);
            List<Path> previousFiles = new ArrayList<>();
            for (Path side : sideFiles) {
                Path target = side.getFileName().toString().endsWith("." + CREDENTIALS)
                        ? root.resolve(CREDENTIALS) : dataDir.resolve(SECRET_KEY);
                install(side, target, stamp).ifPresent(previousFiles::add);
            }
            return new EmbeddedBackups.Restored(archive, previous, previousFiles);
        } catch (IOException e) {
            throw new BackupException("restore failed: " + e.getMessage(), e);
        }
    }

    /** A server that still runs would write over the restored files, or keep the old ones open. */
    private static void refuseWhileRunning(Path cluster) {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.isReadable(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
        } catch (IOException | RuntimeException e) {
            return; // unreadable or half-written: no live server stands behind it
        }
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            throw new BackupException("the database is running (process " + pid + ", " + pidFile
                    + "); stop the platform first, then restore (if nothing runs, delete that file)");
        }
    }

    /** The account that owned the cluster before, so the restored one belongs to it too. */
    private static ServiceAccount ownerOf(Path cluster) throws IOException {
        ServiceAccount current = ServiceAccount.current();
        if (!current.switchesUser() || !Files.exists(cluster)) {
            return current;
        }
        return new ServiceAccount(Files.getOwner(cluster, LinkOption.NOFOLLOW_LINKS).getName());
    }

    /** Unpacks {@code cluster/…} into {@code into}; returns the side files, unpacked next to it. */
    private List<Path> extract(Path archive, Path into) throws IOException {
        List<Path> sideFiles = new ArrayList<>();
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
             var tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = entry.getName();
                if (name.startsWith(BackupWriter.CLUSTER)) {
                    Path out = into.resolve(name.substring(BackupWriter.CLUSTER.length())).normalize();
                    if (!out.startsWith(into)) {
                        throw new BackupException("archive entry escapes the cluster directory: " + name);
                    }
                    if (entry.isDirectory()) {
                        createPrivateDirectories(out);
                    } else if (entry.isFile()) {
                        createPrivateDirectories(out.getParent());
                        writePrivate(tar, out);
                    }
                } else if (Arrays.asList(CREDENTIALS, SECRET_KEY).contains(name) && entry.isFile()) {
                    Path out = into.resolveSibling(into.getFileName() + "." + name);
                    writePrivate(tar, out);
                    sideFiles.add(out);
                }
            }
        } catch (IOException e) {
            // a truncated archive fails with a message-less EOFException: name what happened
            throw new IOException("cannot read " + archive + " (" + (e.getMessage() != null ? e.getMessage()
                    : e.getClass().getSimpleName() + ": the file is truncated or damaged") + ")", e);
        }
        return sideFiles;
    }

    private static void createPrivateDirectories(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            createPrivateDirectories(dir.getParent());
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
    }

    private static void writePrivate(InputStream in, Path out) throws IOException {
        Files.deleteIfExists(out);
        Files.createFile(out, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (var stream = Files.newOutputStream(out)) {
            in.transferTo(stream);
        }
    }

    /** Moves an unpacked side file into place; a different file there is moved aside first. */
    private static Optional<Path> install(Path unpacked, Path target, String stamp) throws IOException {
        Optional<Path> aside = Optional.empty();
        if (Files.exists(target)) {
            if (Arrays.equals(Files.readAllBytes(target), Files.readAllBytes(unpacked))) {
                Files.delete(unpacked);
                return Optional.empty();
            }
            Path moved = target.resolveSibling(target.getFileName() + ".before-restore-" + stamp);
            Files.move(target, moved, StandardCopyOption.ATOMIC_MOVE);
            aside = Optional.of(moved);
        }
        Files.move(unpacked, target, StandardCopyOption.ATOMIC_MOVE);
        return aside;
    }
}
