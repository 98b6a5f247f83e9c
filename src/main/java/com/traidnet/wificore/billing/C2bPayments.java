package com.traidnet.wificore.billing;

import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;

/**
 * C2B paybill confirmations: a customer paid the tenant's paybill with an account number
 * ({@code BillRefNumber} = the PPPoE account). Each {@code TransID} becomes one payment —
 * a repeated confirmation finds the payment its TransID already made (unique receipt) and is
 * recorded as a duplicate — settled at once through {@link Settlement}; whether the account
 * exists and the amount covers the bill is the fulfilment's call (Rejected → unmatched).
 */
@Service
class C2bPayments {

    private final TenantGateway gateway;
    private final PaymentLedger ledger;
    private final Settlement settlement;
    private final BillingSettings config;
    private final Clock clock;

    C2bPayments(TenantGateway gateway, PaymentLedger ledger, Settlement settlement, BillingSettings config,
                Clock clock) {
        this.gateway = gateway;
        this.ledger = ledger;
        this.settlement = settlement;
        this.config = config;
        this.clock = clock;
    }

    /** The fields of a C2B notification we use; {@code null} fields were absent. */
    record Confirmation(String transId, BigDecimal amount, String shortcode, String billRef, String msisdn) {

        /** @throws StkCallback.MalformedCallbackException when TransID, TransAmount or BusinessShortCode is missing */
        static Confirmation parse(JsonNode body) {
            String transId = text(body, "TransID");
            String amount = text(body, "TransAmount");
            String shortcode = text(body, "BusinessShortCode");
            if (transId == null || amount == null || shortcode == null) {
                throw new StkCallback.MalformedCallbackException(
                        "not a C2B notification: TransID, TransAmount and BusinessShortCode are required");
            }
            try {
                return new Confirmation(transId, new BigDecimal(amount.trim()), shortcode, text(body, "BillRefNumber"),
                        text(body, "MSISDN"));
            } catch (NumberFormatException e) {
                throw new StkCallback.MalformedCallbackException("TransAmount is not a number: " + amount);
            }
        }

        private static String text(JsonNode body, String field) {
            JsonNode v = body == null ? null : body.path(field);
            return v == null || v.isMissingNode() || v.isNull() || v.asString().isBlank() ? null : v.asString().trim();
        }
    }

    SettlementOutcome confirm(TenantId tenant, Confirmation c, String payload) {
        return gateway.inTenant(tenant, sql -> {
            UUID id = UUID.randomUUID();
            int inserted = sql.sql("""
                            insert into payments (id, method, purpose, reference, phone, amount, currency, status, receipt,
                                                  created_at, updated_at)
                            values (?, 'mpesa_c2b', 'PPPOE_BILL', ?, ?, ?, ?, 'pending', ?, ?, ?)
                            on conflict (receipt) do nothing""")
                    .params(id, c.billRef() == null ? "" : c.billRef(), c.msisdn(), c.amount(), config.currency(),
                            c.transId(), java.sql.Timestamp.from(clock.instant()), java.sql.Timestamp.from(clock.instant()))
                    .update();
            UUID paymentId = inserted == 1 ? id : sql.sql("select id from payments where receipt = ?")
                    .param(c.transId()).query(UUID.class).single();
            if (inserted == 1) {
                ledger.event(sql, id, "received", "pending", "c2b", "C2B " + c.transId() + " for account "
                        + c.billRef(), null);
            }
            return settlement.settle(tenant, paymentId, new ProviderOutcome.Paid(c.amount(), c.transId(), null), "c2b",
                    payload);
        });
    }
}
