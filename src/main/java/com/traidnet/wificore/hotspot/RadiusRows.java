package com.traidnet.wificore.hotspot;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A subscriber's radcheck/radreply rows, derived from it (docs/hotspot.md has the table).
 * They are never edited in place: every change deletes the username's rows and writes them
 * again, in the subscriber's transaction. The tables' triggers NOTIFY the RADIUS servers'
 * caches on commit, so the change applies to the next Access-Request.
 */
final class RadiusRows {

    record Row(String attribute, String op, String value) {
    }

    record Derived(List<Row> check, List<Row> reply) {
    }

    private RadiusRows() {
    }

    static Derived derive(Subscriber s, String password, Instant now) {
        List<Row> check = new ArrayList<>();
        List<Row> reply = new ArrayList<>();
        check.add(new Row("Cleartext-Password", ":=", password));
        boolean expired = s.expiresAt() != null && !s.expiresAt().isAfter(now);
        if (!s.active() || expired) {
            check.add(new Row("Auth-Type", ":=", "Reject"));
        }
        if (s.expiresAt() != null) {
            // ISO-8601 in UTC: one of the forms ControlAttributes parses
            check.add(new Row("Expiration", ":=", s.expiresAt().truncatedTo(ChronoUnit.SECONDS).toString()));
        }
        Terms t = s.terms();
        if (t != null) {
            check.add(new Row("Simultaneous-Use", ":=", Integer.toString(t.devices())));
            if (t.maxTotalOctets() != null) {
                check.add(new Row("Max-Total-Octets", ":=", Long.toString(t.maxTotalOctets())));
            }
            reply.add(new Row("Mikrotik-Rate-Limit", ":=", t.rateLimit()));
        }
        if (s.macAddress() != null) {
            check.add(new Row("Calling-Station-Id", "==", s.macAddress()));
        }
        if (s.staticIp() != null) {
            reply.add(new Row("Framed-IP-Address", ":=", s.staticIp()));
        } else if (s.ipPool() != null) {
            reply.add(new Row("Framed-Pool", ":=", s.ipPool()));
        }
        return new Derived(List.copyOf(check), List.copyOf(reply));
    }

    /**
     * Rewrites the rows of {@code s} (and drops those of {@code previousUsername} after a rename).
     *
     * @param password the new password, or null to keep the one in radcheck (the only place it is stored)
     * @return the password now in force
     */
    static String write(JdbcClient sql, Subscriber s, String password, String previousUsername, Instant now) {
        // the password in force: the new one, else the one in radcheck (the only place it is stored),
        // else a fresh one (rows were removed by hand: issue a new one rather than none)
        String fallback = password != null ? null : Codes.password(); // only needed when keeping the old one
        Derived rows = derive(s, PASSWORD_SLOT, now);
        String[] usernames = previousUsername.equals(s.username()) ? new String[]{s.username()}
                : new String[]{previousUsername, s.username()};
        // One statement, one round trip: the deletes and inserts run on the same snapshot, so the
        // deletes see only the old rows and the password is read from them (PostgreSQL docs,
        // "Data-Modifying Statements in WITH"). radcheck/radreply have no unique key to collide on.
        return sql.sql("""
                        with effective as (
                            select coalesce(cast(? as text), (select value from radcheck where username = ?
                                   and attribute = 'Cleartext-Password' order by id limit 1), ?) as password),
                        gone_check as (delete from radcheck where username = any(?)),
                        gone_reply as (delete from radreply where username = any(?)),
                        new_check as (
                            insert into radcheck (username, attribute, op, value)
                            select ?, t.a, t.o, case when t.n = 1 then e.password else t.v end
                            from unnest(?::text[], ?::text[], ?::text[]) with ordinality as t(a, o, v, n), effective e
                            order by t.n),
                        new_reply as (
                            insert into radreply (username, attribute, op, value)
                            select ?, t.a, t.o, t.v from unnest(?::text[], ?::text[], ?::text[]) with ordinality
                                as t(a, o, v, n) order by t.n)
                        select password from effective""")
                .params(password, previousUsername, fallback, usernames, usernames,
                        s.username(), attributes(rows.check()), ops(rows.check()), values(rows.check()),
                        s.username(), attributes(rows.reply()), ops(rows.reply()), values(rows.reply()))
                .query(String.class).single();
    }

    /** derive() puts the password first; the statement above fills it in. */
    private static final String PASSWORD_SLOT = "";

    private static String[] attributes(List<Row> rows) {
        return rows.stream().map(Row::attribute).toArray(String[]::new);
    }

    private static String[] ops(List<Row> rows) {
        return rows.stream().map(Row::op).toArray(String[]::new);
    }

    private static String[] values(List<Row> rows) {
        return rows.stream().map(Row::value).toArray(String[]::new);
    }

    static void delete(JdbcClient sql, String username) {
        sql.sql("delete from radcheck where username = ?").param(username).update();
        sql.sql("delete from radreply where username = ?").param(username).update();
    }

    static String currentPassword(JdbcClient sql, String username) {
        return sql.sql("select value from radcheck where username = ? and attribute = 'Cleartext-Password'"
                + " order by id limit 1").param(username).query(String.class).optional().orElse(null);
    }
}
