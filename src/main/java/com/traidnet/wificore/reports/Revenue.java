package com.traidnet.wificore.reports;

import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Revenue: settled payments whose {@code settled_at} falls in the range, counted and summed per currency
 * (the amount paid, else the amount asked). Unmatched, failed and pending payments are not revenue. All three
 * reports are cuts of {@link RevenueDays}' per-day sums; the packages' and NAS' names are read as they are now.
 */
@Service
class Revenue {

    record Day(LocalDate day, String currency, long payments, BigDecimal amount) {
    }

    record ByPackage(UUID packageId, String packageName, String packageType, String currency, long payments,
                     BigDecimal amount) {
    }

    record ByNas(UUID nasId, String nasName, String currency, long payments, BigDecimal amount) {
    }

    private record Sum(long payments, BigDecimal amount) {
        Sum plus(RevenueDays.Row r) {
            return new Sum(payments + r.payments(), amount.add(r.amount()));
        }
    }

    private record Key(Object of, String currency) {
    }

    private record Named(String name, String type) {
    }

    private static final Sum NONE = new Sum(0, BigDecimal.ZERO);
    /** By amount, largest first; then by name, unnamed last (as SQL's default {@code nulls last}); then currency. */
    private static final Comparator<String> NAME = Comparator.nullsLast(Comparator.naturalOrder());

    private final TenantGateway gateway;
    private final Clock clock;

    Revenue(TenantGateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    List<Day> daily(TenantId tenant, ReportRange range) {
        Map<Key, Sum> sums = sums(tenant, range, r -> r.day(), false, null);
        return sums.entrySet().stream()
                .map(e -> new Day((LocalDate) e.getKey().of(), e.getKey().currency(), e.getValue().payments(),
                        e.getValue().amount()))
                .sorted(Comparator.comparing(Day::day).thenComparing(Day::currency))
                .toList();
    }

    List<ByPackage> perPackage(TenantId tenant, ReportRange range) {
        Map<UUID, Named> names = new HashMap<>();
        Map<Key, Sum> sums = sums(tenant, range, RevenueDays.Row::packageId, false, sql -> sql.sql(
                "select id, name, type from packages").query(rs -> {
                    names.put(rs.getObject("id", UUID.class), new Named(rs.getString("name"), rs.getString("type")));
                }));
        return sums.entrySet().stream()
                .map(e -> {
                    UUID id = (UUID) e.getKey().of();
                    Named n = names.getOrDefault(id, new Named(null, null));
                    return new ByPackage(id, n.name(), n.type(), e.getKey().currency(), e.getValue().payments(),
                            e.getValue().amount());
                })
                .sorted(Comparator.comparing(ByPackage::amount).reversed()
                        .thenComparing(ByPackage::packageName, NAME).thenComparing(ByPackage::currency))
                .toList();
    }

    List<ByNas> perNas(TenantId tenant, ReportRange range) {
        Map<UUID, String> names = new HashMap<>();
        Map<Key, Sum> sums = sums(tenant, range, RevenueDays.Row::nasId, true, sql -> sql.sql(
                "select id, name from nas_clients").query(rs -> {
                    names.put(rs.getObject("id", UUID.class), rs.getString("name"));
                }));
        return sums.entrySet().stream()
                .map(e -> new ByNas((UUID) e.getKey().of(), names.get((UUID) e.getKey().of()), e.getKey().currency(),
                        e.getValue().payments(), e.getValue().amount()))
                .sorted(Comparator.comparing(ByNas::amount).reversed()
                        .thenComparing(ByNas::nasName, NAME).thenComparing(ByNas::currency))
                .toList();
    }

    /** The range's per-day sums added up per {@code by} and currency, and {@code also} run in the same transaction. */
    private Map<Key, Sum> sums(TenantId tenant, ReportRange range, Function<RevenueDays.Row, Object> by,
                               boolean byNas, java.util.function.Consumer<JdbcClient> also) {
        List<RevenueDays.Row> rows = new ArrayList<>();
        gateway.inTenant(tenant, sql -> {
            rows.addAll(RevenueDays.between(sql, range.from(), range.to(), range.zone(), clock.instant(), byNas));
            if (also != null) {
                also.accept(sql);
            }
            return null;
        });
        Map<Key, Sum> sums = new LinkedHashMap<>();
        for (RevenueDays.Row r : rows) {
            sums.merge(new Key(by.apply(r), r.currency()), NONE.plus(r), (a, b) -> a.plus(r));
        }
        return sums;
    }
}
