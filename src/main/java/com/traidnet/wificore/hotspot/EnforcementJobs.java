package com.traidnet.wificore.hotspot;

import com.traidnet.wificore.jobs.JobContext;
import com.traidnet.wificore.jobs.JobHandler;
import com.traidnet.wificore.jobs.JobOptions;
import com.traidnet.wificore.jobs.Jobs;
import com.traidnet.wificore.jobs.RecurringJob;
import com.traidnet.wificore.tenant.Tenant;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantStatus;
import com.traidnet.wificore.tenant.Tenants;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Enforcement on the job queue: every {@code wificore.hotspot.enforcement-every} one
 * {@code hotspot.enforcement} job (once across all nodes) pages through the active tenants and
 * enqueues one {@link EnforceTenant} job per tenant. The fan-out keeps the dispatcher to one
 * platform query per 500 tenants, spreads tenants over every node's workers, and lets a tenant
 * whose NAS times out (up to attempts × timeout per session) or whose sweep fails retry on its
 * own without holding up the others. Each per-tenant job is keyed by tenant and period, so a
 * re-run dispatcher enqueues nothing twice.
 */
@Configuration(proxyBeanMethods = false)
class EnforcementJobs {

    static final int TENANTS_PER_PAGE = 500;

    /** The schedule's payload: fan out to every active tenant. */
    record EnforceAllTenants() {
    }

    /** Sweep the job's tenant ({@link JobContext#tenant()}). */
    record EnforceTenant() {
    }

    @Bean
    @Conditional(ScheduleOn.class)
    RecurringJob hotspotEnforcement(HotspotSettings settings) {
        return RecurringJob.of("hotspot.enforcement", HotspotSettings.cron(settings.enforcementEvery()),
                new EnforceAllTenants());
    }

    /** Jobs is looked up lazily: it needs every handler, this one included, to be built first. */
    @Bean
    JobHandler<EnforceAllTenants> enforceAllTenantsHandler(Tenants tenants, TenantGateway gateway,
                                                           ObjectProvider<Jobs> jobs,
                                                           HotspotSettings settings, Clock clock) {
        return new JobHandler<>() {
            @Override
            public Class<EnforceAllTenants> type() {
                return EnforceAllTenants.class;
            }

            @Override
            public void handle(EnforceAllTenants payload, JobContext context) {
                long period = Math.max(1, settings.enforcementEvery().toSeconds());
                long slot = clock.instant().getEpochSecond() / period;
                for (int offset = 0; ; offset += TENANTS_PER_PAGE) {
                    List<Tenant> page = tenants.list(null, offset, TENANTS_PER_PAGE);
                    gateway.inPlatform(sql -> {
                        page.stream().filter(t -> t.status() == TenantStatus.ACTIVE).forEach(t -> jobs.getObject().enqueue(
                                new EnforceTenant(), JobOptions.defaults().tenant(t.id()).maxAttempts(3)
                                        .idempotencyKey("hotspot.enforce:" + slot)));
                        return null;
                    });
                    if (page.size() < TENANTS_PER_PAGE) {
                        return;
                    }
                }
            }
        };
    }

    @Bean
    JobHandler<EnforceTenant> enforceTenantHandler(Enforcement enforcement) {
        return new JobHandler<>() {
            @Override
            public Class<EnforceTenant> type() {
                return EnforceTenant.class;
            }

            @Override
            public void handle(EnforceTenant payload, JobContext context) {
                if (context.tenant() != null) {
                    enforcement.run(context.tenant());
                }
            }
        };
    }

    /** {@code wificore.hotspot.enforcement-every=0} registers no schedule (enforcement then runs only on request). */
    static final class ScheduleOn implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment()).bind("wificore.hotspot.enforcement-every", Duration.class)
                    .map(d -> !d.isZero()).orElse(true);
        }
    }
}
