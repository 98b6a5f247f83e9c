package com.traidnet.wificore.radius.admin;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The four FreeRADIUS item tables. Table and column names are these constants, never
 * request text; rows keep the order they were given in (by id), which is the order
 * FreeRADIUS applies them in.
 */
enum AttributeTable {
    RADCHECK("radcheck", "username"),
    RADREPLY("radreply", "username"),
    RADGROUPCHECK("radgroupcheck", "groupname"),
    RADGROUPREPLY("radgroupreply", "groupname");

    private final String table;
    private final String key;

    AttributeTable(String table, String key) {
        this.table = table;
        this.key = key;
    }

    void insert(JdbcClient sql, String owner, List<AttributeRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        sql.sql("insert into " + table + " (" + key + ", attribute, op, value)"
                        + " select ?, t.attribute, t.op, t.value"
                        + " from unnest(?::text[], ?::text[], ?::text[]) with ordinality as t(attribute, op, value, n)"
                        + " order by t.n")
                .params(owner, column(rows, AttributeRow::attribute), column(rows, AttributeRow::op),
                        column(rows, AttributeRow::value))
                .update();
    }

    int delete(JdbcClient sql, String owner) {
        return sql.sql("delete from " + table + " where " + key + " = ?").param(owner).update();
    }

    /** The rows of each owner, in order; owners without rows are absent. */
    Map<String, List<AttributeRow>> read(JdbcClient sql, List<String> owners) {
        record Owned(String owner, AttributeRow row) {
        }
        return sql.sql("select " + key + " as owner, attribute, op, value from " + table
                        + " where " + key + " = any(?::text[]) order by id")
                .param(owners.toArray(String[]::new))
                .query((rs, n) -> new Owned(rs.getString("owner"),
                        new AttributeRow(rs.getString("attribute"), rs.getString("op"), rs.getString("value"))))
                .list().stream()
                .collect(Collectors.groupingBy(Owned::owner, LinkedHashMap::new,
                        Collectors.mapping(Owned::row, Collectors.toList())));
    }

    private static String[] column(List<AttributeRow> rows, Function<AttributeRow, String> part) {
        return rows.stream().map(part).toArray(String[]::new);
    }
}
