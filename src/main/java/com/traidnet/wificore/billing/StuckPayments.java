package com.traidnet.wificore.billing;

import com.traidnet.wificore.jobs.JobContext;
import com.traidnet.wificore.jobs.JobHandler;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The stuck-payments job: STK pushes still pending after {@code wificore.billing.stuck-after}
 * (the callback was lost, or Safaricom never sent it) are asked about with an STK query, and
 * what Daraja answers goes through the same {@link Settlement} as a callback — so a callback
 * that arrives after the query settled the payment is only a duplicate. Only tenants with an
 * STK push in the last day are visited (Daraja answers queries for recent pushes only).
 */
@Component
class StuckPayments implements JobHandler<StuckPayments.Sweep> {

    /** The recurring job's payload: sweep every tenant. */
    record Sweep() {
    }

    private static final Logger log = LoggerFactory.getLogger(StuckPayments.class);
    private static final Duration LOOK_BACK = Duration.ofDays(1);

    private final PaymentRoutes routes;
    private final TenantGateway gateway;
    private final MpesaSettingsStore settings;
    private final DarajaClient daraja;
    private final Settlement settlement;
    private final BillingSettings config;
    private final Clock clock;

    StuckPayments(PaymentRoutes routes, TenantGateway gateway, MpesaSettingsStore settings, DarajaClient daraja,
                  Settlement settlement, BillingSettings config, Clock clock) {
        this.routes = routes;
        this.gateway = gateway;
        this.settings = settings;
        this.daraja = daraja;
        this.settlement = settlement;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Class<Sweep> type() {
        return Sweep.class;
    }

    @Override
    public void handle(Sweep payload, JobContext context) {
        Instant now = clock.instant();
        for (TenantId tenant : routes.tenantsWithStkSince(now.minus(LOOK_BACK))) {
            try {
                sweep(tenant, now);
            } catch (RuntimeException e) { // one tenant's broken Daraja app must not starve the others
                log.warn("stuck payments of tenant {}: {}", tenant, e.toString());
            }
        }
    }

    /** Queries each stuck payment of {@code tenant}; returns how many became final. */
    int sweep(TenantId tenant, Instant now) {
        record Stuck(UUID id, String checkoutRequestId) {
        }
        List<Stuck> stuck = gateway.inTenant(tenant, sql -> sql.sql("""
                        select id, checkout_request_id from payments
                        where status = 'pending' and method = 'mpesa_stk' and checkout_request_id is not null
                          and created_at < ? and created_at >= ?
                        order by created_at limit 100""")
                .params(Timestamp.from(now.minus(config.stuckAfter())), Timestamp.from(now.minus(LOOK_BACK)))
                .query((rs, n) -> new Stuck(rs.getObject(1, UUID.class), rs.getString(2))).list());
        if (stuck.isEmpty()) {
            return 0;
        }
        MpesaApp app = settings.app(tenant).orElse(null);
        if (app == null) {
            return 0;
        }
        int resolved = 0;
        for (Stuck s : stuck) {
            DarajaClient.StkStatus status = daraja.stkQuery(app, s.checkoutRequestId());
            if (status.pending()) {
                continue;
            }
            ProviderOutcome outcome = "0".equals(status.resultCode())
                    ? new ProviderOutcome.Paid(expectedAmount(tenant, s.id()), null, null)
                    : new ProviderOutcome.Declined(status.resultCode(), status.resultDesc());
            var result = settlement.settle(tenant, s.id(), outcome, "status_query", status.raw().toString());
            if (!(result instanceof SettlementOutcome.Duplicate)) {
                resolved++;
            }
        }
        return resolved;
    }

    /** ResultCode 0 of a query means the pushed amount was paid: Daraja's query answer carries no amount. */
    private java.math.BigDecimal expectedAmount(TenantId tenant, UUID id) {
        return gateway.inTenant(tenant, sql -> sql.sql("select amount from payments where id = ?").param(id)
                .query(java.math.BigDecimal.class).single());
    }
}
