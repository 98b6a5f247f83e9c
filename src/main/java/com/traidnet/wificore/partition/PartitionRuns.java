package com.traidnet.wificore.partition;

import com.traidnet.wificore.tenant.TenantGateway;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The record of maintenance: {@code partition_runs} (one row per run) and {@code partition_status}
 * (per schema and table, the state after the last run that touched it), written set-wise — one
 * statement for a whole batch of tables.
 */
@Component
class PartitionRuns {

    static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

    private final TenantGateway gateway;

    PartitionRuns(TenantGateway gateway) {
        this.gateway = gateway;
    }

    long start(MaintenanceRequest request, Instant at) {
        return gateway.inPlatform(sql -> sql.sql("""
                        insert into partition_runs (started_at, trigger, scope, node) values (?, ?, ?, ?)
                        returning id""")
                .params(Timestamp.from(at), request.trigger().word(),
                        request.tenantSlug() == null ? "all" : request.tenantSlug(), NODE)
                .query(Long.class).single());
    }

    void finish(long id, Instant at, MaintenanceReport report, String error) {
        gateway.inPlatform(sql -> sql.sql("""
                        update partition_runs set finished_at = ?, status = ?, tables = ?, created = ?, retired = ?,
                                                  rows_moved = ?, errors = ?, error = ?
                        where id = ?""")
                .params(Timestamp.from(at), error == null ? "succeeded" : "failed", report.tables().size(),
                        report.created(), report.retired(), report.rowsMoved(), report.errors(), error, id)
                .update());
    }

    /** When the last run over everything finished without failing as a whole (tables may have had errors). */
    Optional<Instant> lastCompleteRun() {
        return gateway.inPlatform(sql -> sql.sql("""
                        select max(finished_at) from partition_runs where scope = 'all' and status = 'succeeded'""")
                .query(Timestamp.class).optional().map(Timestamp::toInstant));
    }

    /** Upserts the status of a batch of tables; {@code tenants} maps schema to tenant id (absent: public). */
    void saveStatus(List<TableReport> reports, Map<String, UUID> tenants, Instant at) {
        if (reports.isEmpty()) {
            return;
        }
        int n = reports.size();
        // uuids and timestamps travel as text: the driver binds String[] everywhere
        String[] label = new String[n], schema = new String[n], table = new String[n], state = new String[n], oldest = new String[n],
                newest = new String[n], warnings = new String[n], error = new String[n], tenant = new String[n],
                oldestFrom = new String[n], newestTo = new String[n];
        int[] count = new int[n];
        long[] inDefault = new long[n], moved = new long[n];
        for (int i = 0; i < n; i++) {
            TableReport r = reports.get(i);
            label[i] = r.tenant();
            schema[i] = r.schema();
            table[i] = r.table();
            UUID tenantId = tenants.get(r.schema());
            tenant[i] = tenantId == null ? null : tenantId.toString();
            state[i] = r.state();
            count[i] = r.partitionCount();
            oldest[i] = r.oldestPartition();
            newest[i] = r.newestPartition();
            oldestFrom[i] = r.oldestFrom() == null ? null : r.oldestFrom().toString();
            newestTo[i] = r.newestTo() == null ? null : r.newestTo().toString();
            inDefault[i] = r.rowsInDefault();
            moved[i] = r.rowsMoved();
            warnings[i] = r.warnings().isEmpty() ? null : String.join("\n", r.warnings());
            error[i] = r.error();
        }
        Timestamp now = Timestamp.from(at);
        gateway.inPlatform(sql -> sql.sql("""
                        insert into partition_status as s (schema_name, table_name, tenant_id, tenant, state, partition_count,
                               oldest_partition, newest_partition, oldest_from, newest_to, rows_in_default, rows_moved,
                               warnings, last_run_at, last_success_at, last_error, last_error_at)
                        select sch, tab, tid::uuid, lbl, st, cnt, o_name, n_name, o_from, n_to, dflt, mov, warn, ?::timestamptz,
                               case when st = 'ok' then ?::timestamptz end, err,
                               case when err is not null then ?::timestamptz end
                        from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::text[],
                                    ?::timestamptz[], ?::timestamptz[], ?::bigint[], ?::bigint[], ?::text[], ?::text[])
                             as u(sch, tab, tid, lbl, st, cnt, o_name, n_name, o_from, n_to, dflt, mov, warn, err)
                        on conflict (schema_name, table_name) do update set
                            tenant_id = excluded.tenant_id, tenant = excluded.tenant, state = excluded.state,
                            partition_count = excluded.partition_count, oldest_partition = excluded.oldest_partition,
                            newest_partition = excluded.newest_partition, oldest_from = excluded.oldest_from,
                            newest_to = excluded.newest_to, rows_in_default = excluded.rows_in_default,
                            rows_moved = excluded.rows_moved, warnings = excluded.warnings,
                            last_run_at = excluded.last_run_at,
                            last_success_at = coalesce(excluded.last_success_at, s.last_success_at),
                            last_error = excluded.last_error,
                            last_error_at = coalesce(excluded.last_error_at, s.last_error_at)""")
                .params(now, now, now, schema, table, tenant, label, state, count, oldest, newest, oldestFrom, newestTo,
                        inDefault, moved, warnings, error)
                .update());
    }
}
