package com.traidnet.wificore.water;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import com.traidnet.wificore.tenant.TenantZones;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Water reports (docs/water.md#reports), read set-wise like the reports module's. Days are dates
 * in the tenant's time zone (UTC until it sets one), as in the other reports. Litres and dispenses count every booked dispense;
 * revenue counts honoured ones only (flagged dispenses are listed, not earned).
 */
@Service
class WaterReports {

    static final int MAX_DAYS = 366;

    record Range(LocalDate from, LocalDate to, ZoneId zone) {
        Instant start() {
            return from.atStartOfDay(zone).toInstant();
        }

        Instant end() {
            return to.plusDays(1).atStartOfDay(zone).toInstant();
        }
    }

    record DispenserDay(LocalDate day, UUID dispenserId, String dispenserName, String currency, long dispenses,
                        BigDecimal litres, BigDecimal revenue, long flagged) {
    }

    record CustomerUsage(UUID customerId, String name, String cardId, String phone, long dispenses, BigDecimal litres,
                         BigDecimal debited, BigDecimal credited, BigDecimal balance) {
    }

    record LowBalance(UUID customerId, String name, String cardId, String phone, BigDecimal balance,
                      BigDecimal creditLimit, Instant lastDispenseAt) {
    }

    record Offline(UUID dispenserId, String deviceId, String name, String location, String status, Instant lastSeenAt,
                   Long silentSeconds) {
    }

    private final TenantGateway gateway;
    private final WaterSettings settings;
    private final Clock clock;
    private final TenantZones zones;

    WaterReports(TenantGateway gateway, WaterSettings settings, Clock clock, TenantZones zones) {
        this.gateway = gateway;
        this.settings = settings;
        this.clock = clock;
        this.zones = zones;
    }

    Range range(TenantId tenant, String from, String to) {
        ZoneId zone = zones.of(tenant);
        LocalDate last = to == null || to.isBlank() ? LocalDate.now(clock.withZone(zone)) : date("to", to);
        LocalDate first = from == null || from.isBlank() ? last.minusDays(29) : date("from", from);
        if (first.isAfter(last)) {
            throw ApiProblem.invalidField("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
            throw ApiProblem.invalidField("to", "a range covers at most " + MAX_DAYS + " days");
        }
        return new Range(first, last, zone);
    }

    List<DispenserDay> dispensersDaily(TenantId tenant, Range range) {
        return gateway.inTenant(tenant, sql -> sql.sql("""
                        select (t.dispensed_at at time zone ?)::date as day, t.dispenser_id, d.name, d.currency,
                               count(*) as dispenses, sum(t.litres) as litres,
                               coalesce(sum(t.amount) filter (where t.flag is null), 0) as revenue,
                               count(*) filter (where t.flag is not null) as flagged
                        from water_transactions t left join dispensers d on d.id = t.dispenser_id
                        where t.dispensed_at >= ? and t.dispensed_at < ?
                        group by 1, 2, 3, 4 order by 1, 3, 2""")
                .params(range.zone().getId(), Timestamp.from(range.start()), Timestamp.from(range.end()))
                .query((rs, n) -> new DispenserDay(rs.getObject("day", LocalDate.class), Rows.uuid(rs, "dispenser_id"),
                        rs.getString("name"), rs.getString("currency"), rs.getLong("dispenses"),
                        rs.getBigDecimal("litres"), rs.getBigDecimal("revenue"), rs.getLong("flagged")))
                .list());
    }

    /** Customers with dispenses or credits in the range, most litres first. */
    List<CustomerUsage> customers(TenantId tenant, Range range, int offset, int limit) {
        return gateway.inTenant(tenant, sql -> sql.sql("""
                        with used as (
                            select customer_id, count(*) as dispenses, sum(litres) as litres, sum(debit) as debited
                            from water_transactions
                            where customer_id is not null and dispensed_at >= :start and dispensed_at < :end
                            group by 1),
                        credited as (
                            select customer_id, sum(value) as credited from water_credits
                            where at >= :start and at < :end group by 1)
                        select c.id, c.name, c.card_id, c.phone, c.balance, coalesce(u.dispenses, 0) as dispenses,
                               coalesce(u.litres, 0) as litres, coalesce(u.debited, 0) as debited,
                               coalesce(k.credited, 0) as credited
                        from water_customers c left join used u on u.customer_id = c.id
                             left join credited k on k.customer_id = c.id
                        where u.customer_id is not null or k.customer_id is not null
                        order by litres desc, c.id offset :offset limit :limit""")
                .param("start", Timestamp.from(range.start())).param("end", Timestamp.from(range.end()))
                .param("offset", offset).param("limit", limit)
                .query((rs, n) -> new CustomerUsage(Rows.uuid(rs, "id"), rs.getString("name"), rs.getString("card_id"),
                        rs.getString("phone"), rs.getLong("dispenses"), rs.getBigDecimal("litres"),
                        rs.getBigDecimal("debited"), rs.getBigDecimal("credited"), rs.getBigDecimal("balance")))
                .list());
    }

    /** Active customers whose balance is below {@code below} (default: the tenant's low-balance threshold), lowest first. */
    List<LowBalance> lowBalances(TenantId tenant, BigDecimal below, int offset, int limit) {
        return gateway.inTenant(tenant, sql -> sql.sql("""
                        select c.* from water_customers c cross join water_settings w
                        where c.status = 'active' and c.balance < coalesce(cast(? as numeric), w.low_balance_threshold)
                        order by c.balance, c.id offset ? limit ?""")
                .params(below, offset, limit)
                .query((rs, n) -> new LowBalance(Rows.uuid(rs, "id"), rs.getString("name"), rs.getString("card_id"),
                        rs.getString("phone"), rs.getBigDecimal("balance"), rs.getBigDecimal("credit_limit"),
                        Rows.instant(rs, "last_dispense_at")))
                .list());
    }

    /** Enabled dispensers silent for {@code offline-after} or never seen, longest silent first. */
    List<Offline> offlineDispensers(TenantId tenant, int offset, int limit) {
        Instant now = clock.instant();
        return gateway.inTenant(tenant, sql -> sql.sql("""
                        select id, device_id, name, location, last_seen_at from dispensers
                        where enabled and (last_seen_at is null or last_seen_at < ?)
                        order by last_seen_at nulls first, id offset ? limit ?""")
                .params(Timestamp.from(now.minus(settings.offlineAfter())), offset, limit)
                .query((rs, n) -> {
                    Instant seen = Rows.instant(rs, "last_seen_at");
                    return new Offline(Rows.uuid(rs, "id"), rs.getString("device_id"), rs.getString("name"),
                            rs.getString("location"), seen == null ? "never_seen" : "offline", seen,
                            seen == null ? null : now.getEpochSecond() - seen.getEpochSecond());
                })
                .list());
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(field, "must be an ISO date like 2026-01-31");
        }
    }
}
