package com.traidnet.wificore.hotspot;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Who an enforcement sweep looks at, among {@code active} subscribers only (partial indexes,
 * V7): cheap when nothing is due, which is the common case. Callers re-check each candidate
 * under its row lock.
 */
final class EnforcementQueries {

    /** The overdue note's detail key holding the due date it was written for (epoch seconds). */
    static final String DUE_KEY = "dueEpochSecond";

    private EnforcementQueries() {
    }

    static List<UUID> expired(JdbcClient sql, Instant now) {
        return sql.sql("select id from subscribers where status = 'active' and expires_at <= ? order by expires_at")
                .param(Timestamp.from(now)).query(UUID.class).list();
    }

    /**
     * Capped subscribers with an open session whose octets — over all of radacct, as the
     * authorizer counts them against Max-Total-Octets — reached base + cap. Driven by the open
     * sessions (radacct_sessions' partial index), so offline users cost nothing.
     */
    static List<UUID> overCap(JdbcClient sql) {
        return sql.sql("""
                        select s.id from subscribers s
                        where s.status = 'active' and s.terms_data_cap_bytes is not null
                          and s.username in (select username from radacct_sessions where acctstoptime is null)
                          and (select coalesce(sum(coalesce(r.acctinputoctets, 0) + coalesce(r.acctoutputoctets, 0)), 0)
                               from radacct r where r.username = s.username)
                              >= s.terms_octets_base + s.terms_data_cap_bytes""")
                .query(UUID.class).list();
    }

    /** PPPoE accounts past their due date, still within grace, not yet noted for this due date. */
    static List<UUID> overdueInGrace(JdbcClient sql, Instant now) {
        return sql.sql("""
                        select s.id from subscribers s
                        where s.status = 'active' and s.kind = 'pppoe' and s.next_due_at <= ?
                          and not exists (select 1 from subscriber_history h
                                          where h.subscriber_id = s.id and h.action = 'overdue'
                                            and (h.detail ->> '""" + DUE_KEY + """
                        ')::bigint = floor(extract(epoch from s.next_due_at))::bigint)""")
                .param(Timestamp.from(now)).query(UUID.class).list();
    }
}
