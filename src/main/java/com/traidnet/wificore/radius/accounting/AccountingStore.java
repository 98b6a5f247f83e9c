package com.traidnet.wificore.radius.accounting;

import com.traidnet.wificore.radius.RadiusSessionStarted;
import com.traidnet.wificore.radius.RadiusSessionStopped;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a batch of accounting records of one tenant in one transaction, set-wise (one
 * statement per kind of change, arrays in, no statement per packet):
 * <ol>
 *   <li>look the batch's sessions up in {@code radacct_sessions} (start time, id, open?);</li>
 *   <li>insert the sessions not seen before — a Start, or an Interim/Stop whose Start was
 *       lost — into radacct_sessions and radacct (a duplicate Start inserts nothing);</li>
 *   <li>update open sessions for Interim and Stop, addressing radacct by (id, start time),
 *       so a partitioned radacct is touched in one partition only;</li>
 *   <li>Accounting-On/Off close every open session of that NAS.</li>
 * </ol>
 * A session appearing twice in a batch is split into rounds so the second packet sees the
 * first one's effect. Returns the session events to publish once the transaction committed.
 */
@Component
class AccountingStore {

    private final TenantGateway gateway;

    AccountingStore(TenantGateway gateway) {
        this.gateway = gateway;
    }

    List<Object> write(TenantId tenant, List<AccountingRecord> records) {
        return gateway.inTenant(tenant, sql -> {
            // plan with this batch's values and today's statistics: a generic plan cached while the
            // tenant's tables were still empty keeps scanning them after they have grown
            sql.sql("select set_config('plan_cache_mode', 'force_custom_plan', true)").query().singleRow();
            List<Object> events = new ArrayList<>();
            List<AccountingRecord> round = new ArrayList<>();
            Set<String> inRound = new HashSet<>();
            for (AccountingRecord r : records) {
                if (r.status() == AccountingRecord.Status.OTHER) {
                    continue;
                }
                if (r.status().nasWide()) {
                    writeRound(sql, tenant, round, events);
                    round.clear();
                    inRound.clear();
                    closeNas(sql, tenant, r, events);
                    continue;
                }
                if (!inRound.add(r.uniqueId())) {
                    writeRound(sql, tenant, round, events);
                    round.clear();
                    inRound.clear();
                    inRound.add(r.uniqueId());
                }
                round.add(r);
            }
            writeRound(sql, tenant, round, events);
            return events;
        });
    }

    private record Known(long radacctId, String startText, Instant start, boolean open) {
    }

    private void writeRound(JdbcClient sql, TenantId tenant, List<AccountingRecord> round, List<Object> events) {
        if (round.isEmpty()) {
            return;
        }
        Map<String, Known> known = new HashMap<>();
        sql.sql("""
                        select acctuniqueid, radacctid, acctstarttime::text, acctstarttime, acctstoptime is null
                        from radacct_sessions where acctuniqueid = any(?)""")
                .param(round.stream().map(AccountingRecord::uniqueId).toArray(String[]::new))
                .query(rs -> {
                    known.put(rs.getString(1), new Known(rs.getLong(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant(), rs.getBoolean(5)));
                });
        List<AccountingRecord> inserts = new ArrayList<>();
        List<AccountingRecord> updates = new ArrayList<>();
        List<Known> updated = new ArrayList<>();
        for (AccountingRecord r : round) {
            Known k = known.get(r.uniqueId());
            if (k == null) {
                inserts.add(r);
            } else if (k.open() && r.status() != AccountingRecord.Status.START) {
                updates.add(r);
                updated.add(k);
            } // a duplicate Start, or anything after the Stop: already recorded
        }
        insert(sql, tenant, inserts, events);
        update(sql, tenant, updates, updated, events);
    }

    private void insert(JdbcClient sql, TenantId tenant, List<AccountingRecord> rows, List<Object> events) {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        List<Long> ids = sql.sql("select nextval(pg_get_serial_sequence('radacct', 'radacctid')) from generate_series(1, ?)")
                .param(n).query(Long.class).list();
        AccountingColumns c = new AccountingColumns(n);
        for (int i = 0; i < n; i++) {
            c.set(i, ids.get(i), rows.get(i));
        }
        // radacct_sessions first: its primary key is the global guard against a second row
        Set<String> fresh = new HashSet<>(sql.sql("""
                        insert into radacct_sessions (acctuniqueid, acctstarttime, radacctid, username, nas_id,
                                                      nasipaddress, callingstationid, acctstoptime, acctupdatetime)
                        select u, to_timestamp(st), id, usr, nas::uuid, ip::inet, calling, to_timestamp(stop), to_timestamp(ev)
                        from unnest(?::text[], ?::float8[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[],
                                    ?::float8[], ?::float8[]) as t(u, st, id, usr, nas, ip, calling, stop, ev)
                        on conflict (acctuniqueid) do nothing
                        returning acctuniqueid""")
                .params(c.uniqueId, c.start, c.id, c.username, c.nasId, c.nasIp, c.calling, c.stop, c.event)
                .query(String.class).list());
        sql.sql("""
                        insert into radacct (radacctid, acctsessionid, acctuniqueid, username, nasipaddress, nasportid,
                            nasporttype, acctstarttime, acctupdatetime, acctstoptime, acctsessiontime, acctauthentic,
                            connectinfo_start, connectinfo_stop, acctinputoctets, acctoutputoctets, calledstationid,
                            callingstationid, acctterminatecause, servicetype, framedprotocol, framedipaddress,
                            framedipv6address, class, nas_id)
                        select id, sid, u, usr, ip::inet, port, ptype, to_timestamp(st), to_timestamp(ev),
                               to_timestamp(stop), stime, auth, cinfo, case when stop is null then null else cinfo end,
                               inoct, outoct, called, calling, cause, svc, proto, fip::inet, fip6::inet, cls, nas::uuid
                        from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                    ?::float8[], ?::float8[], ?::float8[], ?::bigint[], ?::text[], ?::text[],
                                    ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                    ?::text[], ?::text[], ?::text[], ?::text[])
                             as t(id, sid, u, usr, ip, port, ptype, st, ev, stop, stime, auth, cinfo, inoct, outoct,
                                  called, calling, cause, svc, proto, fip, fip6, cls, nas)
                        where u = any(?)""")
                .params(c.id, c.sessionId, c.uniqueId, c.username, c.nasIp, c.port, c.portType, c.start, c.event,
                        c.stop, c.sessionTime, c.authentic, c.connectInfo, c.input, c.output, c.called, c.calling,
                        c.cause, c.service, c.protocol, c.framedIp, c.framedIp6, c.classValue, c.nasId,
                        fresh.toArray(String[]::new))
                .update();
        for (int i = 0; i < n; i++) {
            AccountingRecord r = rows.get(i);
            if (!fresh.contains(r.uniqueId())) {
                continue;
            }
            events.add(started(tenant, c.id[i], r));
            if (r.status() == AccountingRecord.Status.STOP) {
                events.add(stopped(tenant, c.id[i], r, r.eventTime(), r.terminateCause()));
            }
        }
    }

    private void update(JdbcClient sql, TenantId tenant, List<AccountingRecord> rows, List<Known> known,
                        List<Object> events) {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        long[] id = new long[n];
        String[] start = new String[n];
        double[] event = new double[n];
        Double[] stop = new Double[n];
        long[] sessionTime = new long[n];
        long[] input = new long[n];
        long[] output = new long[n];
        String[] framedIp = new String[n];
        String[] cause = new String[n];
        String[] connectInfo = new String[n];
        List<String> stopping = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AccountingRecord r = rows.get(i);
            id[i] = known.get(i).radacctId();
            start[i] = known.get(i).startText();
            event[i] = seconds(r.eventTime());
            boolean isStop = r.status() == AccountingRecord.Status.STOP;
            stop[i] = isStop ? event[i] : null;
            sessionTime[i] = r.sessionTime();
            input[i] = r.inputOctets();
            output[i] = r.outputOctets();
            framedIp[i] = r.framedIp();
            cause[i] = r.terminateCause();
            connectInfo[i] = r.connectInfo();
            if (isStop) {
                stopping.add(r.uniqueId());
            }
        }
        sql.sql("""
                        update radacct r set
                            acctinterval = case when stop is null and r.acctupdatetime is not null
                                then greatest(0, extract(epoch from to_timestamp(ev) - r.acctupdatetime))::bigint
                                else r.acctinterval end,
                            acctupdatetime = to_timestamp(ev),
                            acctstoptime = to_timestamp(stop),
                            acctsessiontime = greatest(r.acctsessiontime, stime),
                            acctinputoctets = greatest(r.acctinputoctets, inoct),
                            acctoutputoctets = greatest(r.acctoutputoctets, outoct),
                            framedipaddress = coalesce(fip::inet, r.framedipaddress),
                            acctterminatecause = coalesce(cause, r.acctterminatecause),
                            connectinfo_stop = case when stop is null then r.connectinfo_stop else cinfo end
                        from unnest(?::bigint[], ?::text[], ?::float8[], ?::float8[], ?::bigint[], ?::bigint[],
                                    ?::bigint[], ?::text[], ?::text[], ?::text[])
                             as u(id, st, ev, stop, stime, inoct, outoct, fip, cause, cinfo)
                        where r.radacctid = u.id and r.acctstarttime = u.st::timestamptz and r.acctstoptime is null
                          and r.acctstarttime between ?::timestamptz and ?::timestamptz""")
                .params(id, start, event, stop, sessionTime, input, output, framedIp, cause, connectInfo,
                        earliest(known), latest(known))
                .update();
        if (!stopping.isEmpty()) {
            sql.sql("""
                            update radacct_sessions s set acctstoptime = to_timestamp(u.stop), acctupdatetime = to_timestamp(u.stop)
                            from unnest(?::text[], ?::float8[]) as u(id, stop)
                            where s.acctuniqueid = u.id and s.acctstoptime is null""")
                    .params(stopping.toArray(String[]::new), stopTimes(rows))
                    .update();
        }
        for (int i = 0; i < n; i++) {
            AccountingRecord r = rows.get(i);
            if (r.status() == AccountingRecord.Status.STOP) {
                events.add(stopped(tenant, id[i], r, r.eventTime(), r.terminateCause()));
            }
        }
    }

    /*
     * The batch's start-time range as constants: the executor prunes every daily partition
     * outside it before running, instead of probing each one per row.
     */
    private static String earliest(List<Known> known) {
        return known.stream().min(java.util.Comparator.comparing(Known::start)).orElseThrow().startText();
    }

    private static String latest(List<Known> known) {
        return known.stream().max(java.util.Comparator.comparing(Known::start)).orElseThrow().startText();
    }

    private static double[] stopTimes(List<AccountingRecord> rows) {
        return rows.stream().filter(r -> r.status() == AccountingRecord.Status.STOP)
                .mapToDouble(r -> seconds(r.eventTime())).toArray();
    }

    /** Accounting-On/Off: the NAS rebooted, so every session it had open is over. */
    private void closeNas(JdbcClient sql, TenantId tenant, AccountingRecord r, List<Object> events) {
        Timestamp at = Timestamp.from(r.eventTime());
        String cause = r.status() == AccountingRecord.Status.ACCOUNTING_ON ? "NAS-Reboot" : "NAS-Request";
        List<Object> closed = sql.sql("""
                        with closed as (
                            update radacct_sessions set acctstoptime = greatest(acctstarttime, :at),
                                                        acctupdatetime = :at
                            where nas_id = :nas and nasipaddress = :ip::inet and acctstoptime is null
                            returning radacctid, acctstarttime)
                        update radacct r set acctstoptime = greatest(r.acctstarttime, :at), acctupdatetime = :at,
                                             acctterminatecause = :cause,
                                             acctsessiontime = greatest(coalesce(r.acctsessiontime, 0),
                                                 extract(epoch from greatest(r.acctstarttime, :at) - r.acctstarttime)::bigint)
                        from closed c
                        where r.radacctid = c.radacctid and r.acctstarttime = c.acctstarttime and r.acctstoptime is null
                        returning r.radacctid, r.acctsessionid, r.username, r.acctsessiontime, r.acctinputoctets,
                                  r.acctoutputoctets""")
                .param("at", at).param("nas", r.nas().id()).param("ip", r.nasIp()).param("cause", cause)
                .query((rs, i) -> (Object) new RadiusSessionStopped(tenant, rs.getLong(1), rs.getString(2),
                        rs.getString(3), r.nasIp(), r.eventTime(), rs.getLong(4), rs.getLong(5), rs.getLong(6), cause))
                .list();
        events.addAll(closed);
    }

    private static RadiusSessionStarted started(TenantId tenant, long id, AccountingRecord r) {
        return new RadiusSessionStarted(tenant, id, r.sessionId(), r.username(), r.nasIp(), r.framedIp(),
                r.callingStationId(), r.startTime());
    }

    private static RadiusSessionStopped stopped(TenantId tenant, long id, AccountingRecord r, Instant at, String cause) {
        return new RadiusSessionStopped(tenant, id, r.sessionId(), r.username(), r.nasIp(), at, r.sessionTime(),
                r.inputOctets(), r.outputOctets(), cause);
    }

    static double seconds(Instant t) {
        return t.getEpochSecond() + t.getNano() / 1_000_000 / 1000.0;
    }
}
