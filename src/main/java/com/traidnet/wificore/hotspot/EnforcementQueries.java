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

    /**
     * Cut-off subscribers (expired, over quota, blocked, disabled) with a session still open whose
     * Disconnect-Requests so far all failed (timed out, not sent, or NAKed for another reason than
     * 503 Session-Context-Not-Found, which means the NAS has no such session), fewer than
     * {@code maxTries} of them, the last one at least 1, 4, 16… minutes ago (after the 1st, 2nd,
     * 3rd… try). One still {@code pending} (being sent, or left by a node that died meanwhile)
     * counts as a try that failed: the backoff covers the seconds a send takes. Driven by the last day's disconnects (their created_at index), so a tenant whose
     * NAS answers costs one index range scan; a session is matched by acctuniqueid (its key).
     */
    static List<UUID> disconnectsToRetry(JdbcClient sql, Instant now, int maxTries) {
        return sql.sql("""
                        with tried as (
                            select acctuniqueid, count(*) as tries, max(created_at) as last,
                                   bool_or(outcome = 'ack' or (outcome = 'nak' and error_cause = 503)) as settled
                            from radius_coa_requests
                            where kind = 'disconnect' and acctuniqueid is not null and created_at > ?::timestamptz - interval '1 day'
                            group by acctuniqueid)
                        select distinct s.id from tried t
                        join radacct_sessions o on o.acctuniqueid = t.acctuniqueid and o.acctstoptime is null
                        join subscribers s on s.username = o.username
                        where not t.settled and t.tries < ?
                          and s.status in ('expired', 'over_quota', 'blocked', 'disabled')
                          and t.last <= ?::timestamptz - interval '1 minute' * power(4, t.tries - 1)""")
                .param(Timestamp.from(now)).param(maxTries).param(Timestamp.from(now)).query(UUID.class).list();
    }
}
