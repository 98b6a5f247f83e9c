/**
 * Messaging: text messages to customers (credentials after a payment, reminders). Modules
 * send a tenant's messages through {@link com.traidnet.wificore.messaging.TenantSms}: the
 * tenant's own Africa's Talking application when its settings name one
 * ({@code /api/messaging/sms}), else the platform's {@link com.traidnet.wificore.messaging.SmsSender},
 * chosen by configuration ({@code WIFICORE_SMS_PROVIDER}: a log adapter by default, Africa's
 * Talking for production). See docs/configuration.md.
 */
package com.traidnet.wificore.messaging;
