package com.traidnet.wificore.billing;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

/**
 * Starting payments: an STK push (pending until Daraja calls back or the stuck-payments job
 * asks) and cash a cashier took (settled at once). Daraja is called between two tenant
 * transactions, never inside one: the pending payment exists before the push, and the
 * CheckoutRequestID with its route is stored after it.
 */
@Service
class Payments {

    private final TenantGateway gateway;
    private final PaymentLedger ledger;
    private final PaymentRoutes routes;
    private final MpesaSettingsStore settings;
    private final DarajaClient daraja;
    private final Settlement settlement;
    private final BillingSettings config;
    private final Clock clock;

    Payments(TenantGateway gateway, PaymentLedger ledger, PaymentRoutes routes, MpesaSettingsStore settings,
             DarajaClient daraja, Settlement settlement, BillingSettings config, Clock clock) {
        this.gateway = gateway;
        this.ledger = ledger;
        this.routes = routes;
        this.settings = settings;
        this.daraja = daraja;
        this.settlement = settlement;
        this.config = config;
        this.clock = clock;
    }

    record PaymentRequest(String phone, BigDecimal amount, SettledPayment.Purpose purpose, String reference,
                          String mac) {
    }

    /** The currency M-Pesa payments are in (KES). */
    String currency() {
        return config.currency();
    }

    /** Whether the tenant can take M-Pesa payments (its Daraja app is configured). */
    boolean mpesaReady(TenantId tenant) {
        return settings.find(tenant).isPresent(); // whether it exists: no need to open its three secrets
    }

    PaymentView requestStk(TenantId tenant, PaymentRequest r, UUID staff) {
        return requestStk(tenant, r, staff, null);
    }

    /**
     * @param onePromptPer when not null (the captive portal), refused (429) while another push to the same phone
     *                     is pending and younger than this: checked under a per-phone lock in the transaction
     *                     that records the new payment, so parallel requests cannot both pass the check
     */
    PaymentView requestStk(TenantId tenant, PaymentRequest r, UUID staff, java.time.Duration onePromptPer) {
        MpesaApp app = settings.app(tenant).orElseThrow(() -> ApiProblem.conflict(
                "M-Pesa is not configured for this tenant (PUT /api/billing/mpesa)"));
        String phone = msisdn(r.phone());
        if (r.amount().stripTrailingZeros().scale() > 0) {
            throw ApiProblem.invalidField("amount", "M-Pesa takes whole shillings");
        }
        UUID id = UUID.randomUUID();
        gateway.inTenant(tenant, sql -> {
            if (onePromptPer != null) {
                // the lock first, in a statement of its own: READ COMMITTED takes a statement's snapshot when it
                // starts, so a check in the same statement would not see the payment its lock waited for
                sql.sql("select pg_advisory_xact_lock(hashtextextended('stk-prompt:' || ?, 0))").param(phone)
                        .query().singleRow();
                boolean waiting = sql.sql("""
                                select exists (select 1 from payments where status = 'pending' and phone = :phone
                                               and created_at > :since)""")
                        .param("phone", phone).param("since", Timestamp.from(clock.instant().minus(onePromptPer)))
                        .query(Boolean.class).single();
                if (waiting) {
                    throw ApiProblem.tooManyRequests("a payment prompt was just sent to " + phone
                            + "; answer it on the phone, or try again in a minute", onePromptPer);
                }
            }
            ledger.insert(sql, new PaymentLedger.NewPayment(id, "mpesa_stk", r.purpose().name(), r.reference(), phone,
                    r.mac(), r.amount(), config.currency(), null, staff, clock.instant()));
            ledger.event(sql, id, "created", "pending", "api", "STK push requested", null);
            return null;
        });
        DarajaClient.StkAccepted accepted;
        try {
            accepted = daraja.stkPush(app, phone, r.amount(), r.reference(), r.purpose().name());
        } catch (DarajaClient.DarajaException e) {
            gateway.inTenant(tenant, sql -> {
                sql.sql("update payments set status = 'failed', result_desc = ?, updated_at = ? where id = ?")
                        .params(e.getMessage(), Timestamp.from(clock.instant()), id).update();
                ledger.event(sql, id, "stk_failed", "failed", "daraja", e.getMessage(), null);
                return null;
            });
            throw new ApiProblem(HttpStatus.BAD_GATEWAY, "M-Pesa refused the STK push (payment " + id + "): "
                    + e.getMessage());
        }
        gateway.inTenant(tenant, sql -> {
            sql.sql("update payments set checkout_request_id = ?, merchant_request_id = ?, updated_at = ? where id = ?")
                    .params(accepted.checkoutRequestId(), accepted.merchantRequestId(),
                            Timestamp.from(clock.instant()), id).update();
            routes.addStk(sql, tenant, accepted.checkoutRequestId(), id);
            ledger.event(sql, id, "stk_sent", "pending", "daraja", accepted.customerMessage(),
                    accepted.raw().toString());
            return null;
        });
        return ledger.find(tenant, id).orElseThrow();
    }

    /** Cash in hand: recorded and settled in one transaction, through the same settlement as M-Pesa. */
    PaymentView recordCash(TenantId tenant, PaymentRequest r, UUID staff) {
        UUID id = UUID.randomUUID();
        String phone = r.phone() == null || r.phone().isBlank() ? null : msisdn(r.phone());
        String receipt = "CASH-" + id.toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
        gateway.inTenant(tenant, sql -> {
            ledger.insert(sql, new PaymentLedger.NewPayment(id, "cash", r.purpose().name(), r.reference(), phone,
                    r.mac(), r.amount(), config.currency(), null, staff, clock.instant()));
            ledger.event(sql, id, "created", "pending", "cash", "cash recorded by staff " + staff, null);
            return settlement.settle(tenant, id, new ProviderOutcome.Paid(r.amount(), receipt, null), "cash", null);
        });
        return ledger.find(tenant, id).orElseThrow();
    }

    /** The phone in Daraja's form, or null when {@code text} is not a Kenyan mobile number (a search term). */
    static String msisdnOrNull(String text) {
        try {
            return msisdn(text);
        } catch (ApiProblem notAPhone) {
            return null;
        }
    }

    /** Daraja wants 2547XXXXXXXX / 2541XXXXXXXX; people type 07…, 01…, +254…. */
    static String msisdn(String phone) {
        String digits = phone == null ? "" : phone.replaceAll("[\\s()-]", "");
        if (digits.startsWith("+")) {
            digits = digits.substring(1);
        }
        if (digits.matches("0[17]\\d{8}")) {
            digits = "254" + digits.substring(1);
        }
        if (!digits.matches("254[17]\\d{8}")) {
            throw ApiProblem.invalidField("phone", "must be a Kenyan mobile number like 0712345678 or 254712345678");
        }
        return digits;
    }
}
