package com.traidnet.wificore.partition;

import com.traidnet.wificore.tenant.TenantGateway;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads the recorded status and runs, for the API, the CLI and the metrics. */
@Component
class PartitionStatusQueries {

    private static final RowMapper<PartitionStatus> STATUS = (rs, n) -> new PartitionStatus(
            rs.getObject("tenant_id", UUID.class), rs.getString("tenant"), rs.getString("schema_name"),
            rs.getString("table_name"), rs.getString("state"), rs.getInt("partition_count"),
            rs.getString("oldest_partition"), instant(rs, "oldest_from"), rs.getString("newest_partition"),
            instant(rs, "newest_to"), rs.getLong("rows_in_default"), rs.getLong("rows_moved"),
            rs.getString("warnings") == null ? List.of() : rs.getString("warnings").lines().toList(),
            instant(rs, "last_run_at"), instant(rs, "last_success_at"), rs.getString("last_error"),
            instant(rs, "last_error_at"));
    private static final RowMapper<PartitionRun> RUN = (rs, n) -> new PartitionRun(rs.getLong("id"),
            instant(rs, "started_at"), instant(rs, "finished_at"), rs.getString("trigger"), rs.getString("scope"),
            rs.getString("node"), rs.getString("status"), rs.getInt("tables"), rs.getInt("created"),
            rs.getInt("retired"), rs.getLong("rows_moved"), rs.getInt("errors"), rs.getString("error"));

    /** Per managed table, summed over all schemas. */
    record TableTotals(String table, long schemas, long partitions, long rowsInDefault, long errors, long missing) {
    }

    private final TenantGateway gateway;

    PartitionStatusQueries(TenantGateway gateway) {
        this.gateway = gateway;
    }

    /** Status rows, by tenant then table; filters are optional. */
    List<PartitionStatus> status(String tenant, String table, String state, int offset, int limit) {
        return gateway.inPlatform(sql -> sql.sql("""
                        select * from partition_status
                        where (cast(:tenant as text) is null or tenant = :tenant)
                          and (cast(:table as text) is null or table_name = :table)
                          and (cast(:state as text) is null or state = :state)
                        order by tenant = 'platform' desc, tenant, table_name offset :offset limit :limit""")
                .param("tenant", tenant).param("table", table).param("state", state)
                .param("offset", offset).param("limit", limit)
                .query(STATUS).list());
    }

    List<TableTotals> totals() {
        return gateway.inPlatform(sql -> sql.sql("""
                        select table_name, count(*), sum(partition_count), sum(rows_in_default),
                               count(*) filter (where state = 'error'), count(*) filter (where state = 'missing')
                        from partition_status group by table_name order by table_name""")
                .query((rs, n) -> new TableTotals(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6)))
                .list());
    }

    List<PartitionRun> runs(int offset, int limit) {
        return gateway.inPlatform(sql -> sql.sql("select * from partition_runs order by started_at desc, id desc"
                        + " offset ? limit ?").params(offset, limit).query(RUN).list());
    }

    /** What the platform's catalog weighs: relations in tenant schemas and the catalog tables' size. */
    Map<String, Long> catalogSize() {
        return gateway.inPlatform(sql -> sql.sql("""
                        select (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                                where n.nspname like 'ts\\_%') as tenant_relations,
                               (select count(*) from pg_namespace where nspname like 'ts\\_%') as tenant_schemas,
                               (select sum(pg_total_relation_size(c.oid)) from pg_class c
                                where c.relnamespace = 'pg_catalog'::regnamespace and c.relkind = 'r') as catalog_bytes""")
                .query((rs, n) -> Map.of("tenantRelations", rs.getLong(1), "tenantSchemas", rs.getLong(2),
                        "catalogBytes", rs.getLong(3)))
                .single());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
