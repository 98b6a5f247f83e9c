package com.traidnet.wificore.billing;

import com.traidnet.wificore.tenant.TenantId;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/**
 * Payments a customer starts without a staff member (the captive portal): an STK push for a
 * hotspot package, and its status for the page that waits for it. The settlement, and what it
 * provisions, is the same as for staff-started payments.
 */
@Service
public class Checkout {

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

    /** Sends the STK push for a package at its price; the phone's M-Pesa asks the customer for the PIN. */
    public Status payForPackage(TenantId tenant, String phone, BigDecimal price, UUID packageId, String mac) {
        var request = new Payments.PaymentRequest(phone, price, SettledPayment.Purpose.HOTSPOT_PACKAGE,
                packageId.toString(), mac);
        return status(payments.requestStk(tenant, request, null));
    }

    /** The payment's state, or empty when the tenant has no such payment (another tenant's id included). */
    public Optional<Status> status(TenantId tenant, UUID paymentId) {
        return ledger.find(tenant, paymentId).map(Checkout::status);
    }

    private static Status status(PaymentView p) {
        return new Status(p.id(), p.status(), p.phone(), p.amount(), p.resultDesc());
    }
}
