package com.traidnet.wificore.dashboard;

import com.traidnet.wificore.dashboard.DashboardQueries.UsageDay;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Sessions and octets per day in the tenant's time zone (sessions counted whole on their start day). A past day
 * with no open session is final: its sums are stored in {@code usage_days} the first time it is asked for and read
 * from there after (V15). Today, days with open sessions, and a day a late insert is just changing are summed from
 * radacct, one day's partitions each.
 */
@Service
class UsageDays {

    /**
     * V18's trigger catches sessions inserted more than 10 minutes after their start; a day is stored once it has
     * been over for 15, so that an accounting transaction still open across that moment is caught as well.
     */
    static final Duration LATE = Duration.ofMinutes(15);

    private static final RowMapper<UsageDay> ROW = (rs, n) -> new UsageDay(rs.getObject("day", LocalDate.class),
            rs.getLong("sessions"), rs.getLong("input_octets"), rs.getLong("output_octets"));

    private final TenantGateway gateway;

    UsageDays(TenantGateway gateway) {
        this.gateway = gateway;
    }

    /** Every day in {@code [first, last]} (dates in {@code zone}), in order, zeros included. */
    List<UsageDay> between(TenantId tenant, LocalDate first, LocalDate last, ZoneId zone, Instant now) {
        return gateway.inTenant(tenant, sql -> {
            TreeMap<LocalDate, UsageDay> days = new TreeMap<>();
            sql.sql("""
                            select day, sessions, input_octets, output_octets from usage_days
                            where zone = ? and day between ? and ?""")
                    .params(zone.getId(), first, last).query(ROW).list().forEach(d -> days.put(d.day(), d));
            List<LocalDate> missing = first.datesUntil(last.plusDays(1)).filter(d -> !days.containsKey(d)).toList();
            if (missing.isEmpty()) {
                return List.copyOf(days.values());
            }
            Set<LocalDate> open = openDays(sql, missing.getFirst(), missing.getLast(), zone);
            for (LocalDate day : missing) {
                boolean over = !start(day.plusDays(1), zone).toInstant().plus(LATE).isAfter(now);
                UsageDay sums = over && !open.contains(day) ? store(sql, day, zone) : null;
                days.put(day, sums != null ? sums : live(sql, day, zone));
            }
            return List.copyOf(days.values());
        });
    }

    /** The start days of the sessions still open (V15's partial index: only open sessions are read). */
    private static Set<LocalDate> openDays(JdbcClient sql, LocalDate first, LocalDate last, ZoneId zone) {
        return new HashSet<>(sql.sql("""
                        select distinct (acctstarttime at time zone ?)::date from radacct_sessions
                        where acctstoptime is null and acctstarttime >= ? and acctstarttime < ?""")
                .params(zone.getId(), start(first, zone), start(last.plusDays(1), zone)).query(LocalDate.class)
                .list());
    }

    /**
     * Sums a closed day and stores it, under the day's advisory lock (V18's late-insert trigger takes it too), so
     * a session inserted late either is in these sums or deletes them. A try-lock: the reader never waits, so it
     * can never deadlock with an accounting batch; when the lock is taken the day is summed live this time.
     */
    private static UsageDay store(JdbcClient sql, LocalDate day, ZoneId zone) {
        // the trigger locks the start's UTC date ± 1, which covers the local day's UTC dates in any zone
        for (LocalDate utc : List.of(day.minusDays(1), day, day.plusDays(1))) {
            Boolean locked = sql.sql("select pg_try_advisory_xact_lock(hashtext(current_schema() || '.usage_days'), ?)")
                    .param((int) ChronoUnit.DAYS.between(LocalDate.of(2000, 1, 1), utc)).query(Boolean.class)
                    .single();
            if (!Boolean.TRUE.equals(locked)) {
                return null;
            }
        }
        // a fresh statement, so a fresh snapshot (read committed): every insert committed before the locks counts
        return sql.sql("""
                        insert into usage_days (zone, day, sessions, input_octets, output_octets)
                        select ?, ?, count(*), coalesce(sum(acctinputoctets), 0), coalesce(sum(acctoutputoctets), 0)
                        from radacct where acctstarttime >= ? and acctstarttime < ?
                        on conflict (zone, day) do update set sessions = excluded.sessions,
                            input_octets = excluded.input_octets, output_octets = excluded.output_octets,
                            rolled_at = now()
                        returning day, sessions, input_octets, output_octets""")
                .params(zone.getId(), day, start(day, zone), start(day.plusDays(1), zone)).query(ROW).single();
    }

    private static UsageDay live(JdbcClient sql, LocalDate day, ZoneId zone) {
        return sql.sql("""
                        select ?::date as day, count(*) as sessions, coalesce(sum(acctinputoctets), 0) as input_octets,
                               coalesce(sum(acctoutputoctets), 0) as output_octets
                        from radacct where acctstarttime >= ? and acctstarttime < ?""")
                .params(day, start(day, zone), start(day.plusDays(1), zone)).query(ROW).single();
    }

    private static Timestamp start(LocalDate day, ZoneId zone) {
        return Timestamp.from(day.atStartOfDay(zone).toInstant());
    }
}
