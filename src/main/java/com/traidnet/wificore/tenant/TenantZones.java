package com.traidnet.wificore.tenant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.traidnet.wificore.platform.ApiProblem;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.ZoneId;

/**
 * Each tenant's time zone ({@code tenant_settings}, V20): the day its reports, dashboard and stored per-day sums
 * count in. Cached for a minute on each node (evicted at once on the node that changes it); the stored sums carry
 * the zone they were counted in, so a node that still has the old zone for that minute never mixes the two.
 */
@Service
public class TenantZones {

    private final TenantGateway gateway;
    private final Cache<TenantId, ZoneId> zones = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(10_000).build();

    TenantZones(TenantGateway gateway) {
        this.gateway = gateway;
    }

    public ZoneId of(TenantId tenant) {
        return zones.get(tenant, t -> ZoneId.of(gateway.inTenant(t, sql -> sql.sql(
                "select time_zone from tenant_settings").query(String.class).optional().orElse("UTC"))));
    }

    /** A region id both Java and PostgreSQL know (e.g. {@code Africa/Nairobi}); offsets are refused. */
    ZoneId change(TenantId tenant, String id) {
        String name = id == null ? "" : id.strip();
        if (!ZoneId.getAvailableZoneIds().contains(name)) {
            throw ApiProblem.invalidField("timeZone", "must be a time zone name like Africa/Nairobi or UTC");
        }
        gateway.inTenant(tenant, sql -> {
            // PostgreSQL reads "+03:00"-style names the POSIX way (sign reversed): only names it lists are taken
            if (!sql.sql("select exists (select 1 from pg_timezone_names where name = ?)").param(name)
                    .query(Boolean.class).single()) {
                throw ApiProblem.invalidField("timeZone", "is not known to the database: " + name);
            }
            return sql.sql("""
                            insert into tenant_settings (id, time_zone, updated_at) values (true, ?, now())
                            on conflict (id) do update set time_zone = excluded.time_zone, updated_at = now()""")
                    .param(name).update();
        });
        zones.invalidate(tenant);
        return ZoneId.of(name);
    }
}
