package com.traidnet.wificore.radius.admin;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Collection;

/**
 * Transaction-scoped advisory locks per user and per group name, so that "does it exist?"
 * and the writes that follow cannot interleave with a concurrent create or delete.
 * Order: a user before its groups, groups sorted by name (no deadlock between callers).
 */
final class Locks {

    private Locks() {
    }

    static void user(JdbcClient sql, String username) {
        lock(sql, ":u:" + username);
    }

    static void groups(JdbcClient sql, Collection<String> names) {
        names.stream().distinct().sorted().forEach(name -> lock(sql, ":g:" + name));
    }

    private static void lock(JdbcClient sql, String key) {
        // the schema is part of the key: tenants never wait for each other
        sql.sql("select pg_advisory_xact_lock(hashtextextended(current_schema() || ?, 0))")
                .param(key).query().singleRow();
    }
}
