/**
 * Water dispensing (docs/water.md, ARCHITECTURE §5.5): dispensers (kiosks, water ATMs) with a
 * device id and a signing key, prepaid water customers and their statement (credits from cash,
 * M-Pesa through billing's {@link com.traidnet.wificore.billing.PaymentFulfilment}, and water
 * tokens), the signed device API ({@code /api/devices/v1}: authorize, report dispenses in
 * batches, heartbeat, redeem a token), the daily-partitioned {@code water_transactions} ledger
 * — idempotent on (dispenser, device sequence), debiting in the same transaction — alerts on
 * the tenant's {@code water} topic that also become notification jobs, and water reports.
 */
package com.traidnet.wificore.water;
