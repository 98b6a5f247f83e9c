/**
 * Messaging: text messages to customers (credentials after a payment, reminders). Modules
 * send through {@link com.traidnet.wificore.messaging.SmsSender}; which provider carries
 * them is configuration ({@code WIFICORE_SMS_PROVIDER}): a log adapter by default, an
 * Africa's Talking HTTP adapter for production. See docs/configuration.md.
 */
package com.traidnet.wificore.messaging;
