/**
 * Hotspot and PPPoE business (docs/hotspot.md): packages an operator sells, subscribers who
 * bought them, prepaid vouchers, and the provisioning every purchase goes through — a
 * settled payment ({@link com.traidnet.wificore.billing.PaymentFulfilment}, implemented here)
 * or a redeemed voucher. A subscriber is the source of truth: its radcheck/radreply rows are
 * derived from it and rewritten in the same transaction as every change, so the RADIUS
 * server's cache (invalidated by those tables' NOTIFY triggers) applies it on the next auth.
 * Activations are published on the tenant's {@code subscribers} real-time topic after commit.
 */
package com.traidnet.wificore.hotspot;
