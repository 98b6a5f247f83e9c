package com.traidnet.wificore.tenant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code wificore_tenants{status}}: how many tenants are active, suspended or being
 * created, and {@code wificore_tenant_migration_failures}. Counted at most every 15 s so
 * frequent scrapes do not load the database.
 */
@Component
class TenantMetrics implements MeterBinder {

    private static final Duration REFRESH = Duration.ofSeconds(15);

    private final TenantGateway gateway;
    private final TenantSchemas schemas;
    private volatile Map<TenantStatus, Long> counts = new EnumMap<>(TenantStatus.class);
    private volatile long countedAt;

    TenantMetrics(TenantGateway gateway, TenantSchemas schemas) {
        this.gateway = gateway;
        this.schemas = schemas;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (TenantStatus status : TenantStatus.values()) {
            Gauge.builder("wificore.tenants", this, m -> m.count(status))
                    .description("Tenants by status").tag("status", status.dbValue()).register(registry);
        }
        Gauge.builder("wificore.tenant.migration.failures", schemas, TenantSchemas::failedCount)
                .description("Tenants whose last schema migration failed").register(registry);
    }

    private double count(TenantStatus status) {
        long now = System.nanoTime();
        if (countedAt == 0 || now - countedAt > REFRESH.toNanos()) {
            var fresh = new EnumMap<TenantStatus, Long>(TenantStatus.class);
            gateway.inPlatform(sql -> {
                sql.sql("select status, count(*) from tenants group by status")
                        .query(rs -> {
                            fresh.put(TenantStatus.fromDb(rs.getString(1)), rs.getLong(2));
                        });
                return fresh;
            });
            counts = fresh;
            countedAt = now;
        }
        return counts.getOrDefault(status, 0L);
    }
}
