package com.traidnet.wificore.billing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code public.payment_routes}: how a callback finds its tenant from what only Safaricom and
 * we know (the CheckoutRequestID we were given, the shortcode a tenant registered) — never
 * from what the caller says about the tenant. Written in the tenant's transaction (row-level
 * security admits only its own rows), read in platform scope. Unknown callbacks go to
 * {@code payment_callback_audit}.
 */
@Component
class PaymentRoutes {

    private final TenantGateway gateway;
    /**
     * STK routes this node wrote, remembered after their commit: a route never changes once
     * written, and the callback for a push nearly always comes within minutes, so most
     * callbacks find their tenant without a platform transaction of their own. A miss (a push
     * made by another node, a restart, an evicted entry) reads the table as before.
     */
    private final Cache<String, StkRoute> recentStk = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(Duration.ofHours(2)).build();

    PaymentRoutes(TenantGateway gateway) {
        this.gateway = gateway;
    }

    record StkRoute(TenantId tenant, UUID paymentId) {
    }

    /** Inside the tenant's transaction that stored the CheckoutRequestID on the payment. */
    void addStk(JdbcClient tenantSql, TenantId tenant, String checkoutRequestId, UUID paymentId) {
        tenantSql.sql("insert into payment_routes (kind, key, tenant_id, payment_id) values ('stk', ?, ?, ?)")
                .params(checkoutRequestId, tenant.value(), paymentId).update();
        var route = new StkRoute(tenant, paymentId);
        // only once committed: a rolled-back push must not leave a route to a payment that does not exist
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    recentStk.put(checkoutRequestId, route);
                }
            });
        }
    }

    Optional<StkRoute> stk(String checkoutRequestId) {
        StkRoute known = recentStk.getIfPresent(checkoutRequestId);
        if (known != null) {
            return Optional.of(known);
        }
        return gateway.inPlatform(sql -> sql.sql(
                        "select tenant_id, payment_id from payment_routes where kind = 'stk' and key = ?")
                .param(checkoutRequestId)
                .query((rs, n) -> new StkRoute(new TenantId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class)))
                .optional());
    }

    Optional<TenantId> c2b(String shortcode) {
        return gateway.inPlatform(sql -> sql.sql("select tenant_id from payment_routes where kind = 'c2b' and key = ?")
                .param(shortcode).query(UUID.class).optional().map(TenantId::new));
    }

    /** Tenants that started an STK push since {@code since}: the only ones the stuck-payments job visits. */
    List<TenantId> tenantsWithStkSince(java.time.Instant since) {
        return gateway.inPlatform(sql -> sql.sql(
                        "select distinct tenant_id from payment_routes where kind = 'stk' and created_at >= ?")
                .param(java.sql.Timestamp.from(since)).query(UUID.class).list().stream().map(TenantId::new).toList());
    }

    void audit(String kind, String reason, String payloadJson) {
        gateway.inPlatform(sql -> sql.sql(
                        "insert into payment_callback_audit (kind, reason, payload) values (?, ?, cast(? as jsonb))")
                .params(kind, reason, payloadJson).update());
    }
}
