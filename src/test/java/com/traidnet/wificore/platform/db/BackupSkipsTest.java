package com.traidnet.wificore.platform.db;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BackupSkipsTest {

    @Test
    void leavesOutTheRunningServersFilesAndAStaleLabel() {
        for (String file : new String[] {"postmaster.pid", "postmaster.opts", "backup_label", "tablespace_map"}) {
            assertThat(BackupSkips.skip(Path.of(file), false)).as(file).isTrue();
        }
        assertThat(BackupSkips.skip(Path.of("base/5/pg_internal.init"), false)).isTrue();
        assertThat(BackupSkips.skip(Path.of("global/pg_internal.init"), false)).isTrue();
    }

    @Test
    void keepsTheDataAndConfiguration() {
        for (String file : new String[] {"PG_VERSION", "postgresql.conf", "pg_hba.conf", "global/pg_control",
                "base/5/16384", "base/5/16384_fsm", "pg_xact/0000", "pg_multixact/offsets/0000"}) {
            assertThat(BackupSkips.skip(Path.of(file), false)).as(file).isFalse();
        }
        // a file of that name below the top level is someone's data, not the server's lock
        assertThat(BackupSkips.skip(Path.of("base/postmaster.pid"), false)).isFalse();
        assertThat(BackupSkips.skip(Path.of(""), true)).isFalse();
    }

    @Test
    void emptiesRuntimeDirectoriesButKeepsThem() {
        for (String dir : new String[] {"pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial",
                "pg_snapshots", "pg_stat_tmp", "pg_subtrans"}) {
            assertThat(BackupSkips.skip(Path.of(dir), true)).as(dir).isFalse();
            assertThat(BackupSkips.skip(Path.of(dir, "0000000100000000000000A1"), false)).as(dir + "/file").isTrue();
        }
        assertThat(BackupSkips.skip(Path.of("pg_replslot/some_slot"), true)).isTrue();
        // pg_wal keeps archive_status and summaries (empty), as pg_basebackup does
        assertThat(BackupSkips.skip(Path.of("pg_wal/archive_status"), true)).isFalse();
        assertThat(BackupSkips.skip(Path.of("pg_wal/archive_status/000000010000000000000001.done"), false)).isTrue();
    }

    @Test
    void leavesOutTemporaryFilesAnywhere() {
        assertThat(BackupSkips.skip(Path.of("base/pgsql_tmp"), true)).isTrue();
        assertThat(BackupSkips.skip(Path.of("base/5/pgsql_tmp1234.0"), false)).isTrue();
    }
}
