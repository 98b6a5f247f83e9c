package com.traidnet.wificore.radius.admin;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.platform.Page;
import com.traidnet.wificore.platform.SqlText;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RADIUS groups: a radgroups row (name, description) plus radgroupcheck/radgroupreply items.
 * Groups imported from FreeRADIUS may have items but no radgroups row; they count as groups too.
 */
@Service
class RadiusGroups {

    private static final String ALL_NAMES = """
            select groupname from radgroups union select groupname from radgroupcheck
            union select groupname from radgroupreply""";

    private final TenantGateway gateway;

    RadiusGroups(TenantGateway gateway) {
        this.gateway = gateway;
    }

    GroupView create(TenantId tenant, Actor actor, GroupSpec group) {
        return gateway.inTenant(tenant, sql -> {
            Locks.groups(sql, List.of(group.name()));
            if (exists(sql, group.name())) {
                throw ApiProblem.conflictOn("name", "RADIUS group '" + group.name() + "' already exists");
            }
            write(sql, group);
            AuditTrail.record(sql, actor, "radius.group.created", group.name());
            return view(sql, group.name()).orElseThrow();
        });
    }

    GroupView replace(TenantId tenant, Actor actor, GroupSpec group) {
        return gateway.inTenant(tenant, sql -> {
            Locks.groups(sql, List.of(group.name()));
            if (!exists(sql, group.name())) {
                throw ApiProblem.notFound("RADIUS group '" + group.name() + "'");
            }
            deleteItems(sql, group.name());
            write(sql, group);
            AuditTrail.record(sql, actor, "radius.group.updated", group.name());
            return view(sql, group.name()).orElseThrow();
        });
    }

    /** Refuses while users are members, unless {@code force}, which removes the memberships too. */
    void remove(TenantId tenant, Actor actor, String name, boolean force) {
        gateway.inTenant(tenant, sql -> {
            Locks.groups(sql, List.of(name));
            if (!exists(sql, name)) {
                throw ApiProblem.notFound("RADIUS group '" + name + "'");
            }
            long members = memberCounts(sql, List.of(name)).getOrDefault(name, 0L);
            if (members > 0 && !force) {
                throw ApiProblem.conflictOn("name", "RADIUS group '" + name + "' still has " + members
                        + " member(s); remove them first or delete with ?force=true");
            }
            sql.sql("delete from radusergroup where groupname = ?").param(name).update();
            deleteItems(sql, name);
            sql.sql("delete from radgroups where groupname = ?").param(name).update();
            AuditTrail.record(sql, actor, "radius.group.deleted", name);
            return null;
        });
    }

    Optional<GroupView> find(TenantId tenant, String name) {
        return gateway.inTenant(tenant, sql -> view(sql, name));
    }

    Page<GroupView> list(TenantId tenant, String query, Page.Request page) {
        return page.of(gateway.inTenant(tenant, sql -> views(sql, sql.sql(
                        "select groupname from (" + ALL_NAMES + ") g where lower(groupname) like ?"
                                + " order by groupname offset ? limit ?")
                .params(SqlText.containsPattern(query), page.offset(), page.limit())
                .query(String.class).list())));
    }

    /** For memberships: every name must be a group; the error names the position in {@code groups}. */
    static void requireKnown(JdbcClient sql, List<String> names) {
        List<String> unknown = unknown(sql, names);
        if (!unknown.isEmpty()) {
            throw ApiProblem.invalidField("groups[" + names.indexOf(unknown.getFirst()) + "].name",
                    "unknown group '" + unknown.getFirst() + "'");
        }
    }

    private static boolean exists(JdbcClient sql, String name) {
        return unknown(sql, List.of(name)).isEmpty();
    }

    private static List<String> unknown(JdbcClient sql, List<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        return sql.sql("""
                        select n from unnest(?::text[]) with ordinality as t(n, i)
                        where not exists (select 1 from radgroups where groupname = n)
                          and not exists (select 1 from radgroupcheck where groupname = n)
                          and not exists (select 1 from radgroupreply where groupname = n)
                        order by i""")
                .param(names.toArray(String[]::new)).query(String.class).list();
    }

    private static void write(JdbcClient sql, GroupSpec group) {
        sql.sql("""
                        insert into radgroups (groupname, description) values (?, ?)
                        on conflict (groupname) do update set description = excluded.description""")
                .params(group.name(), group.description()).update();
        AttributeTable.RADGROUPCHECK.insert(sql, group.name(), group.check());
        AttributeTable.RADGROUPREPLY.insert(sql, group.name(), group.reply());
    }

    private static void deleteItems(JdbcClient sql, String name) {
        AttributeTable.RADGROUPCHECK.delete(sql, name);
        AttributeTable.RADGROUPREPLY.delete(sql, name);
    }

    private static Optional<GroupView> view(JdbcClient sql, String name) {
        return views(sql, exists(sql, name) ? List.of(name) : List.of()).stream().findFirst();
    }

    private static List<GroupView> views(JdbcClient sql, List<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        String[] keys = names.toArray(String[]::new);
        Map<String, String> descriptions = new HashMap<>();
        sql.sql("select groupname, description from radgroups where groupname = any(?::text[])").param(keys)
                .query(rs -> {
                    descriptions.put(rs.getString(1), rs.getString(2));
                });
        var check = AttributeTable.RADGROUPCHECK.read(sql, names);
        var reply = AttributeTable.RADGROUPREPLY.read(sql, names);
        var members = memberCounts(sql, names);
        return names.stream().map(n -> new GroupView(n, descriptions.get(n), check.getOrDefault(n, List.of()),
                reply.getOrDefault(n, List.of()), members.getOrDefault(n, 0L))).toList();
    }

    private static Map<String, Long> memberCounts(JdbcClient sql, List<String> names) {
        Map<String, Long> counts = new HashMap<>();
        sql.sql("select groupname, count(*) from radusergroup where groupname = any(?::text[]) group by groupname")
                .param(names.toArray(String[]::new))
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }
}
