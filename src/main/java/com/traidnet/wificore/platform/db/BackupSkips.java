package com.traidnet.wificore.platform.db;

import java.nio.file.Path;
import java.util.Set;

/**
 * What an online copy of the cluster leaves out, as PostgreSQL's documentation lists it
 * ("Backing Up the Data Directory" under the low-level API) and {@code pg_basebackup} does:
 * files the server rewrites or only needs while running, and our own previous backup's label.
 * Directories whose contents are skipped are still archived (empty), because the server
 * expects them to exist at start-up.
 */
final class BackupSkips {

    /** Top-level files never copied: the running server's lock and options, a stale label. */
    private static final Set<String> TOP_LEVEL_FILES = Set.of("postmaster.pid", "postmaster.opts",
            "backup_label", "backup_label.old", "tablespace_map", "tablespace_map.old");

    /** Top-level directories archived empty: their contents are rebuilt or meaningless after a restore. */
    private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");

    private BackupSkips() {
    }

    /**
     * Whether {@code relative} (a path inside the cluster directory) stays out of the archive.
     * For a skipped directory, nothing below it is looked at.
     */
    static boolean skip(Path relative, boolean directory) {
        int depth = relative.getNameCount();
        String name = relative.getFileName().toString();
        if (name.isEmpty()) {
            return false; // the cluster directory itself
        }
        if (name.startsWith("pgsql_tmp")) {
            return true; // temporary files of running queries, at any depth
        }
        if (!directory && name.equals("pg_internal.init")) {
            return true; // relation cache init files, rebuilt on start
        }
        if (depth == 1) {
            return !directory && TOP_LEVEL_FILES.contains(name);
        }
        String top = relative.getName(0).toString();
        if (!EMPTIED.contains(top)) {
            return false;
        }
        // pg_wal keeps its subdirectories (archive_status, summaries) as pg_basebackup does;
        // the WAL the restore needs is added separately, after pg_backup_stop
        return !(top.equals("pg_wal") && directory);
    }
}
