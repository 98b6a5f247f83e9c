package com.traidnet.wificore.billing;

import com.traidnet.wificore.tenant.TenantId;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Payments a customer starts without a staff member (the captive portal): an STK push for a
 * hotspot package or a water top-up, and its status for the page that waits for it. The settlement, and what it
 * provisions, is the same as for staff-started payments.
 */
@Service
public class Checkout {

    /** While a push to a phone waits for its PIN, no second one: nobody can flood a stranger's phone with prompts. */
    static final Duration ONE_PROMPT_PER = Duration.ofSeconds(60);

    /** A payment's state as the customer may see it: no ledger, no provider payloads. */
    public record Status(UUID paymentId, String status, String phone, BigDecimal amount, String resultDesc) {

        public boolean settled() {
            return "settled".equals(status);
        }

        public boolean pending() {
            return "pending".equals(status);
        }
    }

    private final Payments payments;
    private final PaymentLedger ledger;

    Checkout(Payments payments, PaymentLedger ledger) {
        this.payments = payments;
        this.ledger = ledger;
    }

    /** What M-Pesa is paid in (KES): a package priced otherwise cannot be bought by M-Pesa. */
    public String currency() {
        return payments.currency();
    }

    /** Whether the tenant takes M-Pesa at all: a portal without it offers vouchers and free trials only. */
    public boolean mpesaReady(TenantId tenant) {
        return payments.mpesaReady(tenant);
    }

    /**
     * Sends the STK push for a package at its price; the phone's M-Pesa asks the customer for the
     * PIN. Refused (429) while an earlier push to the same phone is pending and under a minute old.
     */
    public Status payForPackage(TenantId tenant, String phone, BigDecimal price, UUID packageId, String mac) {
        return push(tenant, phone, price, SettledPayment.Purpose.HOTSPOT_PACKAGE, packageId.toString(), mac);
    }

    /**
     * Sends the STK push for a prepaid water top-up of {@code amount} to the customer's account; the
     * water module's {@link PaymentFulfilment} credits it when the payment settles. Same one-prompt-per-minute
     * rule as packages.
     */
    public Status topUpWater(TenantId tenant, String phone, BigDecimal amount, UUID waterCustomerId) {
        return push(tenant, phone, amount, SettledPayment.Purpose.WATER_TOPUP, waterCustomerId.toString(), null);
    }

    private Status push(TenantId tenant, String phone, BigDecimal amount, SettledPayment.Purpose purpose,
                        String reference, String mac) {
        String msisdn = Payments.msisdn(phone);
        return status(payments.requestStk(tenant, new Payments.PaymentRequest(msisdn, amount, purpose, reference, mac),
                null, ONE_PROMPT_PER));
    }

    /** The payment's state, or empty when the tenant has no such payment (another tenant's id included). */
    public Optional<Status> status(TenantId tenant, UUID paymentId) {
        return ledger.find(tenant, paymentId).map(Checkout::status);
    }

    private static Status status(PaymentView p) {
        return new Status(p.id(), p.status(), p.phone(), p.amount(), p.resultDesc());
    }
}
