/**
 * The captive portal (docs/portal.md): the page a MikroTik hotspot redirects a new device
 * to. Server-rendered, tiny and script-optional, so it works on a cheap phone over a slow
 * link before the device has internet: public packages, pay by M-Pesa (billing's
 * {@link com.traidnet.wificore.billing.Checkout}) or redeem a voucher (hotspot's
 * {@link com.traidnet.wificore.hotspot.HotspotStorefront}), wait for the payment, then log
 * the device in through the NAS's own login URL.
 */
package com.traidnet.wificore.portal;
