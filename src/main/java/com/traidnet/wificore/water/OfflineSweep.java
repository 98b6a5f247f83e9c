package com.traidnet.wificore.water;

import com.traidnet.wificore.jobs.JobContext;
import com.traidnet.wificore.jobs.JobHandler;
import com.traidnet.wificore.jobs.JobOptions;
import com.traidnet.wificore.jobs.Jobs;
import com.traidnet.wificore.jobs.RecurringJob;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every {@code wificore.water.sweep-every}: one {@code water.sweep} job (once across nodes) lists
 * the tenants that have dispensers ({@code public.water_devices}, so tenants without water cost
 * nothing) and enqueues one {@link SweepTenant} job each. A tenant's sweep marks dispensers silent
 * for {@code offline-after} as alerted and raises {@code dispenser.offline} once per silence (the
 * next heartbeat or upload clears it), and forgets nonces whose window has passed.
 */
@Configuration(proxyBeanMethods = false)
class OfflineSweep {

    record SweepAllTenants() {
    }

    record SweepTenant() {
    }

    @Bean
    RecurringJob waterSweep(WaterSettings settings) {
        return RecurringJob.of("water.sweep", settings.sweepCron(), new SweepAllTenants());
    }

    @Bean
    JobHandler<SweepAllTenants> sweepAllWaterTenants(TenantGateway gateway, ObjectProvider<Jobs> jobs,
                                                     WaterSettings settings, Clock clock) {
        return new JobHandler<>() {
            @Override
            public Class<SweepAllTenants> type() {
                return SweepAllTenants.class;
            }

            @Override
            public void handle(SweepAllTenants payload, JobContext context) {
                long slot = clock.instant().getEpochSecond() / Math.max(1, settings.sweepEvery().toSeconds());
                gateway.inPlatform(sql -> {
                    List<UUID> tenants = sql.sql("""
                                    select distinct w.tenant_id from water_devices w join tenants t on t.id = w.tenant_id
                                    where t.status = 'active'""").query(UUID.class).list();
                    tenants.forEach(t -> jobs.getObject().enqueue(new SweepTenant(), JobOptions.defaults()
                            .tenant(new TenantId(t)).maxAttempts(2).idempotencyKey("water.sweep:" + slot)));
                    return null;
                });
            }
        };
    }

    @Bean
    JobHandler<SweepTenant> sweepWaterTenant(Sweeper sweeper) {
        return new JobHandler<>() {
            @Override
            public Class<SweepTenant> type() {
                return SweepTenant.class;
            }

            @Override
            public void handle(SweepTenant payload, JobContext context) {
                if (context.tenant() != null) {
                    sweeper.sweep(context.tenant());
                }
            }
        };
    }

    /** One tenant's sweep; also called directly by tests and the CLI-less operator. */
    @org.springframework.stereotype.Component
    static class Sweeper {
        private final TenantGateway gateway;
        private final WaterAlerts alerts;
        private final WaterSettings settings;
        private final Clock clock;

        Sweeper(TenantGateway gateway, WaterAlerts alerts, WaterSettings settings, Clock clock) {
            this.gateway = gateway;
            this.alerts = alerts;
            this.settings = settings;
            this.clock = clock;
        }

        /** Answers how many dispensers went offline. */
        int sweep(TenantId tenant) {
            Instant now = clock.instant();
            return gateway.inTenant(tenant, sql -> {
                sql.sql("delete from water_device_nonces where expires_at < ?").param(Timestamp.from(now)).update();
                record Silent(UUID id, String deviceId, String name, Instant lastSeenAt) {
                }
                List<Silent> silent = sql.sql("""
                                update dispensers set offline_alerted_at = ?
                                where enabled and offline_alerted_at is null and last_seen_at < ?
                                returning id, device_id, name, last_seen_at""")
                        .params(Timestamp.from(now), Timestamp.from(now.minus(settings.offlineAfter())))
                        .query((rs, n) -> new Silent(Rows.uuid(rs, "id"), rs.getString("device_id"), rs.getString("name"),
                                Rows.instant(rs, "last_seen_at"))).list();
                silent.forEach(s -> alerts.alert(tenant, "dispenser.offline", s.id(), s.name(),
                        Map.of("dispenserId", s.id().toString(), "deviceId", s.deviceId(), "name", s.name(),
                                "lastSeenAt", s.lastSeenAt().toString()),
                        "silent since " + s.lastSeenAt()));
                return silent.size();
            });
        }
    }
}
