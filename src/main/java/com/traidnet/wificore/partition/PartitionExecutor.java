package com.traidnet.wificore.partition;

import com.traidnet.wificore.tenant.TenantGateway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Carries out one planned step in one short transaction that waits at most {@code lock-timeout}
 * for each lock. Every step first looks whether it is already done, so a step repeated after an
 * interruption, or raced by another node, does nothing.
 * <p>
 * A partition is created as a table of its own and then attached, not with {@code CREATE TABLE
 * … PARTITION OF}: attaching locks the parent in {@code SHARE UPDATE EXCLUSIVE} mode, which
 * inserts and updates into other partitions do not wait for, while {@code PARTITION OF} takes it
 * {@code ACCESS EXCLUSIVE}. The default partition is locked exclusively for the few statements
 * that move its rows of that day and attach (PostgreSQL checks that it holds none of the new
 * range); RADIUS writes for days that have a partition never touch it.
 */
@Component
class PartitionExecutor {

    private static final String BOUNDS_CHECK = "wificore_partition_bounds";

    private final TenantGateway gateway;
    private final PartitionDumps dumps;

    PartitionExecutor(TenantGateway gateway, PartitionDumps dumps) {
        this.gateway = gateway;
        this.dumps = dumps;
    }

    /** Creates the day partition; returns the rows moved out of the default partition, or -1 if it existed. */
    long create(String schema, ManagedTable table, String defaultPartition, Plan.Create step, Duration lockTimeout) {
        String parent = Sql.qualified(schema, table.table());
        String partition = Sql.qualified(schema, step.name());
        String column = Sql.identifier(table.column());
        String range = column + " >= " + Sql.timestamp(step.from()) + " and " + column + " < " + Sql.timestamp(step.to());
        return gateway.inPlatform(sql -> {
            lockTimeout(sql, lockTimeout);
            // serialises the creators of this table's partitions (another node, a new tenant's hook)
            sql.sql("lock table only " + parent + " in share update exclusive mode").update();
            if (exists(sql, schema, step.name())) {
                return -1L;
            }
            sql.sql("create table " + partition + " (like " + parent
                    + " including defaults including constraints including indexes including storage)").update();
            // a valid CHECK that implies the range spares ATTACH from scanning the new table
            sql.sql("alter table " + partition + " add constraint " + BOUNDS_CHECK + " check (" + range + ")").update();
            long moved = 0;
            if (defaultPartition != null) {
                String fallback = Sql.qualified(schema, defaultPartition);
                sql.sql("lock table " + fallback + " in access exclusive mode").update();
                moved = sql.sql("with moved as (delete from " + fallback + " where " + range + " returning *)"
                        + " insert into " + partition + " select * from moved").update();
            }
            sql.sql("alter table " + parent + " attach partition " + partition + " for values from ("
                    + Sql.timestamp(step.from()) + ") to (" + Sql.timestamp(step.to()) + ")").update();
            sql.sql("alter table " + partition + " drop constraint " + BOUNDS_CHECK).update();
            return moved;
        });
    }

    /** Retires a partition as the table's keep mode says; returns false if it was already gone. */
    boolean retire(Target target, ManagedTable table, Plan.Retire step, String archive, Duration lockTimeout) {
        return switch (table.keep()) {
            case DROP -> drop(target.schema(), table, step, lockTimeout);
            case DUMP -> dumpAndDrop(target.schema(), table, step, lockTimeout);
            case DETACH -> detach(target, table, step, archive, lockTimeout);
        };
    }

    private boolean drop(String schema, ManagedTable table, Plan.Retire step, Duration lockTimeout) {
        return gateway.inPlatform(sql -> {
            lockTimeout(sql, lockTimeout);
            if (!isPartitionOf(sql, schema, step.name(), table.table())) {
                return false;
            }
            // drops it from the parent too (ACCESS EXCLUSIVE on the parent, for a moment)
            sql.sql("drop table " + Sql.qualified(schema, step.name())).update();
            return true;
        });
    }

    /**
     * Detach first (no row can reach it after that), then dump and drop the detached table in a
     * second transaction that locks nothing anyone else uses. Interrupted in between, the next
     * run finds the detached table by its name and finishes.
     */
    private boolean dumpAndDrop(String schema, ManagedTable table, Plan.Retire step, Duration lockTimeout) {
        String partition = Sql.qualified(schema, step.name());
        boolean wasAttached = gateway.inPlatform(sql -> {
            lockTimeout(sql, lockTimeout);
            if (!isPartitionOf(sql, schema, step.name(), table.table())) {
                return false;
            }
            sql.sql("alter table " + Sql.qualified(schema, table.table()) + " detach partition " + partition).update();
            return true;
        });
        boolean dumped = gateway.inPlatform(sql -> {
            lockTimeout(sql, lockTimeout);
            if (!exists(sql, schema, step.name()) || isPartition(sql, schema, step.name())) {
                return false;
            }
            sql.sql("lock table " + partition + " in access exclusive mode").update();
            dumps.dump(schema, step.name());
            sql.sql("drop table " + partition).update();
            return true;
        });
        return wasAttached || dumped;
    }

    private boolean detach(Target target, ManagedTable table, Plan.Retire step, String archive, Duration lockTimeout) {
        String archiveSchema = target.archiveSchema(archive);
        gateway.inPlatform(sql -> sql.sql("create schema if not exists " + Sql.identifier(archiveSchema)).update());
        return gateway.inPlatform(sql -> {
            lockTimeout(sql, lockTimeout);
            String schema = target.schema();
            if (!isPartitionOf(sql, schema, step.name(), table.table())) {
                return false;
            }
            String partition = Sql.qualified(schema, step.name());
            sql.sql("alter table " + Sql.qualified(schema, table.table()) + " detach partition " + partition).update();
            if (exists(sql, archiveSchema, step.name())) {
                // the same day archived before (rows that sat in the default partition): merge
                sql.sql("insert into " + Sql.qualified(archiveSchema, step.name()) + " select * from " + partition)
                        .update();
                sql.sql("drop table " + partition).update();
            } else {
                sql.sql("alter table " + partition + " set schema " + Sql.identifier(archiveSchema)).update();
            }
            return true;
        });
    }

    private static void lockTimeout(JdbcClient sql, Duration timeout) {
        sql.sql("select set_config('lock_timeout', ?, true)").param(timeout.toMillis() + "ms").query().singleRow();
    }

    private static boolean exists(JdbcClient sql, String schema, String name) {
        return sql.sql("select to_regclass(?) is not null").param(Sql.qualified(schema, name))
                .query(Boolean.class).single();
    }

    private static boolean isPartition(JdbcClient sql, String schema, String name) {
        return sql.sql("select exists (select 1 from pg_inherits where inhrelid = to_regclass(?))")
                .param(Sql.qualified(schema, name)).query(Boolean.class).single();
    }

    private static boolean isPartitionOf(JdbcClient sql, String schema, String name, String parent) {
        return sql.sql("""
                        select exists (select 1 from pg_inherits
                                       where inhrelid = to_regclass(?) and inhparent = to_regclass(?))""")
                .params(Sql.qualified(schema, name), Sql.qualified(schema, parent))
                .query(Boolean.class).single();
    }
}
