package com.traidnet.wificore.radius.admin;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.platform.Page;
import com.traidnet.wificore.platform.SqlText;
import com.traidnet.wificore.radius.auth.PasswordCheck;
import com.traidnet.wificore.radius.authorize.ControlAttributes;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * RADIUS users as FreeRADIUS rows: the password and check items in radcheck, reply items in
 * radreply, groups in radusergroup. A user exists while it has a row in any of the three.
 */
@Service
class RadiusUsers {

    private final TenantGateway gateway;

    RadiusUsers(TenantGateway gateway) {
        this.gateway = gateway;
    }

    UserView create(TenantId tenant, Actor actor, UserSpec user) {
        return gateway.inTenant(tenant, sql -> {
            Locks.user(sql, user.username());
            if (exists(sql, user.username())) {
                throw ApiProblem.conflictOn("username", "RADIUS user '" + user.username() + "' already exists");
            }
            write(sql, user);
            AuditTrail.record(sql, actor, "radius.user.created", user.username());
            return view(sql, user.username()).orElseThrow();
        });
    }

    /** Replaces check items, reply items and groups; the password only when a new one is given. */
    UserView replace(TenantId tenant, Actor actor, UserSpec user) {
        return gateway.inTenant(tenant, sql -> {
            Locks.user(sql, user.username());
            if (!exists(sql, user.username())) {
                throw ApiProblem.notFound("RADIUS user '" + user.username() + "'");
            }
            List<AttributeRow> kept = user.password() != null ? List.of()
                    : AttributeTable.RADCHECK.read(sql, List.of(user.username()))
                    .getOrDefault(user.username(), List.of()).stream()
                    .filter(row -> isPassword(row.attribute())).toList();
            deleteRows(sql, user.username());
            AttributeTable.RADCHECK.insert(sql, user.username(), kept);
            write(sql, user);
            AuditTrail.record(sql, actor, "radius.user.updated", user.username());
            // replacing everything with nothing leaves no rows: the user is gone, and looks it
            return view(sql, user.username())
                    .orElseGet(() -> new UserView(user.username(), null, List.of(), List.of(), List.of()));
        });
    }

    void remove(TenantId tenant, Actor actor, String username) {
        gateway.inTenant(tenant, sql -> {
            Locks.user(sql, username);
            if (deleteRows(sql, username) == 0) {
                throw ApiProblem.notFound("RADIUS user '" + username + "'");
            }
            AuditTrail.record(sql, actor, "radius.user.deleted", username);
            return null;
        });
    }

    Optional<UserView> find(TenantId tenant, String username) {
        return gateway.inTenant(tenant, sql -> view(sql, username));
    }

    Page<UserView> list(TenantId tenant, String query, Page.Request page) {
        return page.of(gateway.inTenant(tenant, sql -> {
            List<String> names = sql.sql("""
                            select username from (
                              select username from radcheck union select username from radreply
                              union select username from radusergroup) u
                            where lower(username) like ?
                            order by username offset ? limit ?""")
                    .params(SqlText.containsPattern(query), page.offset(), page.limit())
                    .query(String.class).list();
            return views(sql, names);
        }));
    }

    private static boolean exists(JdbcClient sql, String username) {
        return sql.sql("""
                        select exists (select 1 from radcheck where username = :u)
                            or exists (select 1 from radreply where username = :u)
                            or exists (select 1 from radusergroup where username = :u)""")
                .param("u", username).query(Boolean.class).single();
    }

    private static void write(JdbcClient sql, UserSpec user) {
        Locks.groups(sql, user.groupNames());
        RadiusGroups.requireKnown(sql, user.groupNames());
        if (user.password() != null) {
            AttributeTable.RADCHECK.insert(sql, user.username(), List.of(user.password()));
        }
        AttributeTable.RADCHECK.insert(sql, user.username(), user.check());
        AttributeTable.RADREPLY.insert(sql, user.username(), user.reply());
        if (!user.groups().isEmpty()) {
            sql.sql("""
                            insert into radusergroup (username, groupname, priority)
                            select ?, g.name, g.priority from unnest(?::text[], ?::int[]) as g(name, priority)""")
                    .params(user.username(), user.groupNames().toArray(String[]::new),
                            user.groups().stream().map(Membership::priority).toArray(Integer[]::new))
                    .update();
        }
    }

    private static int deleteRows(JdbcClient sql, String username) {
        return AttributeTable.RADCHECK.delete(sql, username) + AttributeTable.RADREPLY.delete(sql, username)
                + sql.sql("delete from radusergroup where username = ?").param(username).update();
    }

    private static Optional<UserView> view(JdbcClient sql, String username) {
        return views(sql, List.of(username)).stream().findFirst();
    }

    /** Views of the users that exist among {@code names}, in that order, with three queries in all. */
    private static List<UserView> views(JdbcClient sql, List<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        var check = AttributeTable.RADCHECK.read(sql, names);
        var reply = AttributeTable.RADREPLY.read(sql, names);
        record Member(String username, Membership membership) {
        }
        var groups = sql.sql("""
                        select username, groupname, priority from radusergroup
                        where username = any(?::text[]) order by priority, id""")
                .param(names.toArray(String[]::new))
                .query((rs, n) -> new Member(rs.getString(1), new Membership(rs.getString(2), rs.getInt(3))))
                .list().stream()
                .collect(Collectors.groupingBy(Member::username,
                        Collectors.mapping(Member::membership, Collectors.toList())));
        return names.stream()
                .filter(n -> check.containsKey(n) || reply.containsKey(n) || groups.containsKey(n))
                .map(n -> view(n, check.getOrDefault(n, List.of()), reply.getOrDefault(n, List.of()),
                        groups.getOrDefault(n, List.of())))
                .toList();
    }

    private static UserView view(String username, List<AttributeRow> check, List<AttributeRow> reply,
                                 List<Membership> groups) {
        String passwordType = check.stream().map(AttributeRow::attribute).filter(RadiusUsers::isPassword)
                .findFirst().orElse(null);
        return new UserView(username, passwordType,
                check.stream().filter(row -> !isPassword(row.attribute())).toList(), reply, groups);
    }

    /** Ours, or any other scheme the server checks (e.g. MD5-Password rows imported from FreeRADIUS). */
    private static boolean isPassword(String attribute) {
        return ControlAttributes.isPassword(attribute) || PasswordCheck.supports(attribute);
    }
}
