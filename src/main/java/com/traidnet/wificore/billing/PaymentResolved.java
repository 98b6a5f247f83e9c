package com.traidnet.wificore.billing;

import com.traidnet.wificore.tenant.TenantId;

/**
 * A payment became final (settled, failed or unmatched); published inside the settlement's
 * transaction and acted on only after it commits ({@link PaymentNotifications}).
 *
 * @param provisioned what the fulfilment did, when the payment settled and provisioned; else null
 */
record PaymentResolved(TenantId tenant, PaymentView payment, FulfilmentResult.Provisioned provisioned) {
}
