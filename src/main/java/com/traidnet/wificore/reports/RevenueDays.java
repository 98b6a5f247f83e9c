package com.traidnet.wificore.reports;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Settled payments summed per day (in the tenant's time zone), package, NAS and currency: the one source of the
 * three revenue reports. Days before yesterday are final and kept in {@code revenue_days} (V18), filled on first
 * read; yesterday (whose payments may still be credited to a NAS by a session today) and today are summed live.
 */
final class RevenueDays {

    /** One day's settled payments for one package, NAS (either may be null) and currency. */
    record Row(LocalDate day, UUID packageId, UUID nasId, String currency, long payments, BigDecimal amount) {
    }

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getObject("day", LocalDate.class),
            rs.getObject("package_id", UUID.class), rs.getObject("nas_id", UUID.class), rs.getString("currency"),
            rs.getLong("payments"), rs.getBigDecimal("amount"));

    /**
     * Settled payments in [:start, :end) with the package and NAS they are credited to.
     * The package: a hotspot payment's reference when it is a UUID in the canonical 8-4-4-4-12 form (any case,
     * surrounding blanks ignored; the {@code like} pins length and hyphens, {@code pg_input_is_valid} the hex
     * digits: the same test as a regular expression at a third of its cost); a PPPoE bill's account's package.
     * The NAS: the package's only NAS when it is sold on exactly one; else the NAS of the buyer's first session that
     * started within a day after the payment; else of their last session in the 31 days before it; else none. The
     * sessions are looked up in radacct_sessions (every session's username, NAS and start in one unpartitioned
     * table): one probe of its (username, acctstarttime) index each (V14). {@code paid} is materialized: inlined,
     * the package expression ran again in every clause that names it.
     */
    private static final String PAID = """
            with paid as materialized (
                select p.settled_at, p.currency, coalesce(p.paid_amount, p.amount) as amount,
                       case when p.purpose = 'HOTSPOT_PACKAGE'
                                 and btrim(p.reference) like '________-____-____-____-____________'
                                 and pg_input_is_valid(btrim(p.reference), 'uuid')
                            then btrim(p.reference)::uuid
                            when p.purpose = 'PPPOE_BILL'
                            then (select s.package_id from subscribers s where s.account_number = p.reference)
                       end as package_id,
                       case when p.purpose = 'PPPOE_BILL'
                            then (select s.username from subscribers s where s.account_number = p.reference)
                            else p.phone
                       end as username
                from payments p
                where p.status = 'settled' and p.settled_at >= :start and p.settled_at < :end)
            """;

    private static final String CREDITED = PAID + """
            , credited as (
                select (paid.settled_at at time zone :zone)::date as day, paid.package_id, paid.currency, paid.amount,
                       coalesce(case when cardinality(pk.nas_ids) = 1 then pk.nas_ids[1] end,
                                after.nas_id, before.nas_id) as nas_id
                from paid
                left join packages pk on pk.id = paid.package_id
                left join lateral (
                    select r.nas_id from radacct_sessions r
                    where r.username = paid.username and r.nas_id is not null
                      and r.acctstarttime >= paid.settled_at
                      and r.acctstarttime < paid.settled_at + interval '1 day'
                      and coalesce(cardinality(pk.nas_ids), 0) <> 1
                    order by r.acctstarttime limit 1) after on true
                left join lateral (
                    select r.nas_id from radacct_sessions r
                    where r.username = paid.username and r.nas_id is not null
                      and r.acctstarttime >= paid.settled_at - interval '31 days'
                      and r.acctstarttime < paid.settled_at
                      and after.nas_id is null and coalesce(cardinality(pk.nas_ids), 0) <> 1
                    order by r.acctstarttime desc limit 1) before on true)
            select day, package_id, nas_id, currency, count(*) as payments, sum(amount) as amount
            from credited group by 1, 2, 3, 4""";

    /**
     * V18's trigger catches sessions inserted more than 10 minutes after their start; a day counts as over (for the
     * NAS credits of the day before it) 15 minutes after it ended, so an accounting transaction still open across
     * that moment is caught as well.
     */
    static final Duration LATE = Duration.ofMinutes(15);

    /**
     * As {@link #CREDITED} without the NAS (null): the live days of the reports that do not need it (per day, per
     * package) skip the two session probes per payment.
     */
    private static final String UNCREDITED = PAID + """
            select (settled_at at time zone :zone)::date as day, package_id, null::uuid as nas_id, currency,
                   count(*) as payments, sum(amount) as amount
            from paid group by 1, 2, 3, 4""";

    private RevenueDays() {
    }

    /**
     * Every day of {@code [first, last]} (dates in {@code zone}) that had settled payments, as rows. A day is final
     * once the day after it has been over for {@link #LATE}: its NAS credits can then only change through a session
     * inserted late, which V18's trigger catches.
     */
    static List<Row> between(JdbcClient sql, LocalDate first, LocalDate last, ZoneId zone, Instant now,
                             boolean byNas) {
        LocalDate lastFinal = min(last, LocalDate.ofInstant(now.minus(LATE), zone).minusDays(2));
        List<Row> rows = new ArrayList<>();
        boolean stored = !first.isAfter(lastFinal) && fill(sql, first, lastFinal, zone);
        if (stored) {
            rows.addAll(sql.sql("""
                            select day, package_id, nas_id, currency, payments, amount from revenue_days
                            where zone = ? and day between ? and ?""")
                    .params(zone.getId(), first, lastFinal).query(ROW).list());
        }
        LocalDate liveFrom = stored ? lastFinal.plusDays(1) : first;
        if (!liveFrom.isAfter(last)) {
            rows.addAll(live(sql, liveFrom, last, zone, byNas));
        }
        return rows;
    }

    /**
     * Sums and stores the final days of the range not stored yet. Holds the tenant's revenue advisory lock (V18's
     * trigger takes it before dropping days a late session changed); a try-lock, so a report never waits: false
     * when another transaction holds it, and the caller sums the whole range live this once.
     */
    private static boolean fill(JdbcClient sql, LocalDate first, LocalDate lastFinal, ZoneId zone) {
        Boolean locked = sql.sql("select pg_try_advisory_xact_lock(hashtext(current_schema() || '.revenue_days'), 0)")
                .query(Boolean.class).single();
        if (!Boolean.TRUE.equals(locked)) {
            return false;
        }
        // a fresh statement after the lock, so a fresh snapshot (read committed): every day a concurrent reader
        // stored, or a late session dropped, is seen as it is now
        List<LocalDate> claimed = sql.sql("""
                        insert into revenue_days_rolled (zone, day)
                        select ?, d::date from generate_series(?::date, ?::date, interval '1 day') d
                        on conflict (zone, day) do nothing returning day""")
                .params(zone.getId(), first, lastFinal).query(LocalDate.class).list();
        if (claimed.isEmpty()) {
            return true;
        }
        LocalDate from = claimed.stream().min(LocalDate::compareTo).orElseThrow();
        LocalDate to = claimed.stream().max(LocalDate::compareTo).orElseThrow();
        sql.sql("insert into revenue_days (zone, day, package_id, nas_id, currency, payments, amount) "
                        + "select :zone, sums.* from (" + CREDITED + ") sums where day = any(cast(:claimed as date[]))")
                .param("zone", zone.getId()).param("start", start(from, zone)).param("end", start(to.plusDays(1), zone))
                .param("claimed", claimed.stream().map(LocalDate::toString).toArray(String[]::new)).update();
        return true;
    }

    private static List<Row> live(JdbcClient sql, LocalDate first, LocalDate last, ZoneId zone, boolean byNas) {
        return sql.sql(byNas ? CREDITED : UNCREDITED).param("zone", zone.getId()).param("start", start(first, zone))
                .param("end", start(last.plusDays(1), zone)).query(ROW).list();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static Timestamp start(LocalDate day, ZoneId zone) {
        return Timestamp.from(day.atStartOfDay(zone).toInstant());
    }
}
