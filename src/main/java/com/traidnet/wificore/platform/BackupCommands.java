package com.traidnet.wificore.platform;

import com.traidnet.wificore.platform.db.BackupException;
import com.traidnet.wificore.platform.db.EmbeddedBackups;
import com.traidnet.wificore.platform.db.EmbeddedDatabaseException;
import com.traidnet.wificore.platform.db.EmbeddedPostgres;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code backup}, {@code backup list} and {@code restore FILE} (docs/backup.md). They run before
 * and without the Spring context: a restore must work while the platform is stopped and its
 * database is being replaced, and a backup needs nothing but the embedded server (started for
 * the backup if the platform is not running, as other commands do).
 */
final class BackupCommands {

    static final String USAGE = """
            backup                                   make a backup of the embedded database now
            backup list                              the backups in <data dir>/backups, newest first
            restore FILE                             replace the database with a backup (platform stopped)""";

    private static final String EXTERNAL = "the database is external (WIFICORE_DB_URL), so its backups are the"
            + " operator's: use pg_basebackup or pgBackRest with WAL archiving (see docs/backup.md)";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private BackupCommands() {
    }

    static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> words = Arrays.stream(args).skip(1).filter(a -> !(a.startsWith("--") && a.indexOf('=') > 2)).toList();
        if (words.contains("--help") || words.contains("-h")) {
            out.println(USAGE);
            return 0;
        }
        if (PlatformLauncher.setting("WIFICORE_DB_URL", null, args) != null) {
            err.println("wificore: " + EXTERNAL);
            return 1;
        }
        Path dataDir = Path.of(PlatformLauncher.setting("WIFICORE_DATA_DIR", "data", args));
        EmbeddedBackups backups = EmbeddedBackups.of(dataDir);
        try {
            if (args[0].equals("restore")) {
                if (words.size() != 1) {
                    return usage(err);
                }
                return restore(backups, words.getFirst(), out);
            }
            if (words.equals(List.of("list"))) {
                return list(backups, out);
            }
            if (!words.isEmpty()) {
                return usage(err);
            }
            return backup(backups, dataDir, keep(args), args, out);
        } catch (BackupException | EmbeddedDatabaseException | IllegalArgumentException e) {
            err.println("wificore: " + e.getMessage());
            return 1;
        }
    }

    private static int backup(EmbeddedBackups backups, Path dataDir, int keep, String[] args, PrintStream out) {
        int port = PlatformLauncher.port(PlatformLauncher.setting("WIFICORE_DB_PORT", "5472", args));
        try (EmbeddedPostgres database = EmbeddedPostgres.attachOrStart(dataDir, port)) {
            EmbeddedBackups.Result result = backups.backup(keep);
            out.printf(Locale.ROOT, "backup: %s (%s, %.1f s)%n", result.archive().file(),
                    size(result.archive().bytes()), result.took().toMillis() / 1000.0);
            result.deleted().forEach(old -> out.println("deleted old backup " + old + " (keep=" + keep + ")"));
            return 0;
        }
    }

    private static int list(EmbeddedBackups backups, PrintStream out) {
        List<EmbeddedBackups.Archive> archives = backups.list();
        if (archives.isEmpty()) {
            out.println("no backups in " + backups.directory());
            return 0;
        }
        for (EmbeddedBackups.Archive a : archives) {
            out.printf(Locale.ROOT, "%-21s  %10s  %s%n", TIME.format(a.created()), size(a.bytes()), a.file());
        }
        return 0;
    }

    private static int restore(EmbeddedBackups backups, String name, PrintStream out) {
        Path file = Path.of(name);
        if (!Files.exists(file) && file.getNameCount() == 1) {
            file = backups.directory().resolve(name); // as 'backup list' shows it, without the directory
        }
        EmbeddedBackups.Restored restored = backups.restore(file.toAbsolutePath());
        out.println("restored " + restored.archive());
        restored.previousCluster().ifPresent(p -> out.println("the previous database is kept in " + p
                + " (delete it once the restored platform runs well)"));
        restored.previousFiles().forEach(p -> out.println("replaced file kept as " + p));
        out.println("start the platform now (bin/wificore): PostgreSQL recovers from the backup as it starts");
        return 0;
    }

    /** {@code wificore.backup.keep} as the scheduled backups read it. */
    private static int keep(String[] args) {
        String text = PlatformLauncher.setting("WIFICORE_BACKUP_KEEP", "14", args);
        try {
            int keep = Integer.parseInt(text);
            if (keep >= 1) {
                return keep;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("WIFICORE_BACKUP_KEEP must be a whole number of at least 1, not '" + text + "'");
    }

    private static int usage(PrintStream err) {
        err.println("usage:");
        USAGE.lines().forEach(line -> err.println("  " + line));
        return OperatorCommands.USAGE;
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        int unit = -1;
        do {
            value /= 1024;
            unit++;
        } while (value >= 1024 && unit < units.length - 1);
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
