package com.traidnet.wificore.partition;

import com.traidnet.wificore.tenant.TenantGateway;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads what exists for many schemas at once: one catalog query for the tables and their
 * partitions of every schema asked for, and one query per {@value #DEFAULTS_PER_QUERY} default
 * partitions counting their rows per day — so a pass over thousands of tenants costs a handful
 * of round trips, not several per tenant.
 */
@Component
class PartitionCatalog {

    static final int DEFAULTS_PER_QUERY = 250;

    /** A table in a schema. */
    record Key(String schema, String table) {
    }

    private final TenantGateway gateway;

    PartitionCatalog(TenantGateway gateway) {
        this.gateway = gateway;
    }

    /**
     * The state of each table in each schema; a table that does not exist there, or is not
     * range-partitioned, is absent from the map.
     */
    Map<Key, TableState> read(Collection<String> schemas, Collection<ManagedTable> tables, String zone) {
        String[] schemaArray = schemas.toArray(String[]::new);
        String[] tableArray = tables.stream().map(ManagedTable::table).distinct().toArray(String[]::new);
        Map<Key, List<Partition>> partitions = new HashMap<>();
        Map<Key, String> defaults = new HashMap<>();
        Map<Key, List<String>> detached = new HashMap<>();
        gateway.inPlatform(sql -> {
            // the bounds are printed and read back in one session, so its TimeZone cannot skew them;
            // split_part is several times cheaper than a regular expression, which counts at 100,000s of partitions
            sql.sql("""
                            select n.nspname, parent.relname, child.relname, e = 'DEFAULT' as is_default,
                                   case when e like 'FOR VALUES FROM (''%'') TO (''%'')'
                                        then split_part(e, '''', 2)::timestamptz end as bound_from,
                                   case when e like 'FOR VALUES FROM (''%'') TO (''%'')'
                                        then split_part(e, '''', 4)::timestamptz end as bound_to
                            from pg_class parent
                            join pg_namespace n on n.oid = parent.relnamespace
                            left join pg_inherits i on i.inhparent = parent.oid
                            left join pg_class child on child.oid = i.inhrelid
                            left join lateral pg_get_expr(child.relpartbound, child.oid) as e on true
                            where n.nspname = any(?) and parent.relname = any(?)
                              and parent.relkind = 'p' and parent.relispartition = false""")
                    .params(schemaArray, tableArray)
                    .query(rs -> {
                        var key = new Key(rs.getString(1), rs.getString(2));
                        List<Partition> list = partitions.computeIfAbsent(key, k -> new ArrayList<>());
                        String child = rs.getString(3);
                        if (child == null) {
                            return;
                        }
                        if (rs.getBoolean(4)) {
                            defaults.put(key, child);
                        } else {
                            list.add(new Partition(child, instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))));
                        }
                    });
            sql.sql("""
                            select n.nspname, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                            where n.nspname = any(?) and c.relkind = 'r' and not c.relispartition
                              and c.relname ~ ('^(' || array_to_string(?::text[], '|') || ')_p[0-9]{8}$')""")
                    .params(schemaArray, tableArray)
                    .query(rs -> {
                        String name = rs.getString(2);
                        detached.computeIfAbsent(new Key(rs.getString(1), name.substring(0, name.length() - 10)),
                                k -> new ArrayList<>()).add(name);
                    });
            return null;
        });
        Map<Key, Map<LocalDate, Long>> rows = defaultRows(defaults, tables, zone);
        Map<Key, TableState> states = new HashMap<>();
        partitions.forEach((key, list) -> states.put(key,
                new TableState(list, defaults.get(key), rows.getOrDefault(key, Map.of()),
                        detached.getOrDefault(key, List.of()))));
        return states;
    }

    /** Rows of each default partition per day of the zone; empty defaults (the usual case) are absent. */
    private Map<Key, Map<LocalDate, Long>> defaultRows(Map<Key, String> defaults, Collection<ManagedTable> tables,
                                                      String zone) {
        Map<String, String> columnOf = tables.stream()
                .collect(Collectors.toMap(ManagedTable::table, ManagedTable::column, (a, b) -> a));
        List<Map.Entry<Key, String>> all = new ArrayList<>(defaults.entrySet());
        Map<Key, Map<LocalDate, Long>> result = new HashMap<>();
        for (int from = 0; from < all.size(); from += DEFAULTS_PER_QUERY) {
            List<Map.Entry<Key, String>> chunk = all.subList(from, Math.min(all.size(), from + DEFAULTS_PER_QUERY));
            List<String> parts = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            for (Map.Entry<Key, String> e : chunk) {
                String column = Sql.identifier(columnOf.get(e.getKey().table()));
                parts.add("select ?::text, ?::text, (" + column + " at time zone ?)::date, count(*) from "
                        + Sql.qualified(e.getKey().schema(), e.getValue()) + " where " + column
                        + " is not null group by 3");
                params.addAll(List.of(e.getKey().schema(), e.getKey().table(), zone));
            }
            gateway.inPlatform(sql -> {
                sql.sql(String.join("\nunion all\n", parts)).params(params).query(rs -> {
                    result.computeIfAbsent(new Key(rs.getString(1), rs.getString(2)), k -> new HashMap<>())
                            .put(rs.getObject(3, LocalDate.class), rs.getLong(4));
                });
                return null;
            });
        }
        return result;
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    static Set<String> schemasOf(Collection<Target> targets) {
        return targets.stream().map(Target::schema).collect(Collectors.toSet());
    }
}
