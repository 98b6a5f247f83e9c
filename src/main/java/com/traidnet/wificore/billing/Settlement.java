package com.traidnet.wificore.billing;

import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The one way a pending payment becomes final, whoever brings the news (STK callback, STK
 * query, C2B confirmation, cashier). One tenant transaction: lock the payment row, and if it is
 * already final record a {@code duplicate} event and change nothing — so retries, replays and
 * a callback arriving after the stuck-payments job settled the payment never settle twice.
 * Money that does not match the payment (amount, MerchantRequestID, a receipt already used)
 * makes it {@code unmatched}, never provisioned. A match settles it and calls the
 * {@link PaymentFulfilment} in the same transaction. See docs/payments.md.
 */
@Component
class Settlement {

    private final TenantGateway gateway;
    private final PaymentLedger ledger;
    private final Fulfilments fulfilments;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Settlement(TenantGateway gateway, PaymentLedger ledger, Fulfilments fulfilments, ApplicationEventPublisher events,
               Clock clock) {
        this.gateway = gateway;
        this.ledger = ledger;
        this.fulfilments = fulfilments;
        this.events = events;
        this.clock = clock;
    }

    /** @param source who says so ({@code callback}, {@code status_query}, {@code c2b}, {@code cash}); kept in the ledger */
    SettlementOutcome settle(TenantId tenant, UUID paymentId, ProviderOutcome outcome, String source, String payload) {
        String receipt = outcome instanceof ProviderOutcome.Paid paid ? paid.receipt() : null;
        return gateway.inTenant(tenant, sql -> {
            PaymentLedger.Locked locked = ledger.lock(sql, paymentId, receipt)
                    .orElseThrow(() -> new IllegalStateException("payment " + paymentId + " is routed but missing"));
            PaymentView p = locked.payment();
            boolean receiptFree = !locked.receiptTaken();
            if (!p.pending()) {
                return duplicate(sql, p, outcome, receiptFree, source, payload);
            }
            return switch (outcome) {
                case ProviderOutcome.Declined d -> declined(sql, tenant, p, d, source, payload);
                case ProviderOutcome.Paid paid -> {
                    String mismatch = mismatch(p, paid, receiptFree);
                    yield mismatch != null ? unmatched(sql, tenant, p, paid, receiptFree, mismatch, source, payload)
                            : settled(sql, tenant, p, paid, source, payload);
                }
            };
        });
    }

    private SettlementOutcome duplicate(JdbcClient sql, PaymentView p, ProviderOutcome outcome, boolean receiptFree,
                                        String source, String payload) {
        // a late callback after an STK query settled the payment brings the receipt the query could not
        if (outcome instanceof ProviderOutcome.Paid paid && "settled".equals(p.status()) && p.receipt() == null
                && paid.receipt() != null && receiptFree) {
            sql.sql("update payments set receipt = ?, updated_at = ? where id = ?")
                    .params(paid.receipt(), now(), p.id()).update();
        }
        ledger.event(sql, p.id(), "duplicate", p.status(), source, "already " + p.status() + "; "
                + describe(outcome), payload);
        return new SettlementOutcome.Duplicate(p);
    }

    private static String mismatch(PaymentView p, ProviderOutcome.Paid paid, boolean receiptFree) {
        if (paid.amount() == null) {
            return "success reported without an amount (no CallbackMetadata)";
        }
        if (paid.amount().compareTo(p.amount()) != 0) {
            return "paid " + paid.amount().toPlainString() + ", expected " + p.amount().toPlainString();
        }
        if (paid.merchantRequestId() != null && p.merchantRequestId() != null
                && !paid.merchantRequestId().equals(p.merchantRequestId())) {
            return "MerchantRequestID " + paid.merchantRequestId() + " does not match " + p.merchantRequestId();
        }
        if (paid.receipt() != null && !receiptFree) {
            return "receipt " + paid.receipt() + " is already recorded on another payment";
        }
        return null;
    }

    private SettlementOutcome declined(JdbcClient sql, TenantId tenant, PaymentView p, ProviderOutcome.Declined d,
                                       String source, String payload) {
        PaymentView failed = ledger.change(sql, p.id(), new PaymentLedger.Change("failed", null, null, d.code(),
                d.description(), null), new PaymentLedger.Event("failed", source, describe(d), payload));
        events.publishEvent(new PaymentResolved(tenant, failed, null));
        return new SettlementOutcome.Failed(failed);
    }

    private SettlementOutcome unmatched(JdbcClient sql, TenantId tenant, PaymentView p, ProviderOutcome.Paid paid,
                                        boolean receiptFree, String reason, String source, String payload) {
        String receipt = paid.receipt() != null && receiptFree ? paid.receipt() : null;
        PaymentView row = ledger.change(sql, p.id(), new PaymentLedger.Change("unmatched", paid.amount(), receipt, "0",
                reason, null), new PaymentLedger.Event("unmatched", source, reason, payload));
        events.publishEvent(new PaymentResolved(tenant, row, null));
        return new SettlementOutcome.Unmatched(row, reason);
    }

    /**
     * The fulfilment runs before the payment row is written (it stays locked meanwhile), so that a
     * provisioned payment is written with both its events — settled, provisioned — in one statement.
     * The ledger tells the same story as when each was written as it happened.
     */
    private SettlementOutcome settled(JdbcClient sql, TenantId tenant, PaymentView p, ProviderOutcome.Paid paid,
                                      String source, String payload) {
        Instant now = clock.instant();
        String receipt = paid.receipt() != null ? paid.receipt() : p.receipt();
        var settledChange = new PaymentLedger.Change("settled", paid.amount(), receipt, "0", "paid", now);
        var settledEvent = new PaymentLedger.Event("settled", source, describe(paid), payload);
        var settled = new SettledPayment(tenant, p.id(), SettledPayment.Purpose.valueOf(p.purpose()), p.reference(),
                p.phone(), p.mac(), paid.amount(), p.currency(), receipt, now);
        return switch (fulfilments.fulfil(sql, settled)) {
            case FulfilmentResult.Provisioned done -> {
                PaymentView row = ledger.change(sql, p.id(), settledChange, settledEvent,
                        new PaymentLedger.Event("provisioned", "fulfilment", "provisioned " + done.username()
                                + (done.expiresAt() != null ? " until " + done.expiresAt() : ""), null));
                events.publishEvent(new PaymentResolved(tenant, row, done));
                yield new SettlementOutcome.Settled(row, done);
            }
            case FulfilmentResult.Rejected rejected -> {
                String reason = "not provisioned: " + rejected.reason();
                ledger.change(sql, p.id(), settledChange, settledEvent);
                PaymentView unmatched = ledger.change(sql, p.id(), new PaymentLedger.Change("unmatched", paid.amount(),
                        receipt, "0", reason, now), new PaymentLedger.Event("rejected", "fulfilment", reason, null));
                events.publishEvent(new PaymentResolved(tenant, unmatched, null));
                yield new SettlementOutcome.Unmatched(unmatched, reason);
            }
        };
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static String describe(ProviderOutcome outcome) {
        return switch (outcome) {
            case ProviderOutcome.Paid p -> "paid " + (p.amount() == null ? "?" : p.amount().toPlainString())
                    + (p.receipt() != null ? ", receipt " + p.receipt() : "");
            case ProviderOutcome.Declined d -> "declined " + d.code() + ": " + d.description();
        };
    }
}
