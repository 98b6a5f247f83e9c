package com.traidnet.wificore.billing;

import com.traidnet.wificore.tenant.TenantId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A payment whose money has arrived, as the fulfilment sees it.
 *
 * @param purpose   {@link Purpose#HOTSPOT_PACKAGE}: {@code reference} is the package id, {@code phone} the
 *                  buyer (the hotspot username), {@code macAddress} the device when the portal knew it;
 *                  {@link Purpose#PPPOE_BILL}: {@code reference} is the PPPoE account number;
 *                  {@link Purpose#WATER_TOPUP}: {@code reference} is the water customer's id
 * @param receipt   the provider's receipt number (M-Pesa: MpesaReceiptNumber / TransID)
 */
public record SettledPayment(TenantId tenant, UUID paymentId, Purpose purpose, String reference, String phone,
                             String macAddress, BigDecimal amount, String currency, String receipt,
                             Instant settledAt) {

    public enum Purpose {
        HOTSPOT_PACKAGE, PPPOE_BILL, WATER_TOPUP
    }
}
