package com.traidnet.wificore.billing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code wificore.billing.*} (environment {@code WIFICORE_BILLING_*}); see docs/configuration.md.
 * The simulator's own settings are {@code wificore.billing.simulator.*}.
 *
 * @param publicUrl  this platform's URL as Safaricom reaches it (https://…), used for callback URLs when a
 *                   tenant sets none; blank = {@code http://127.0.0.1:<http port>} (simulator, one machine)
 * @param stuckAfter a pending STK push older than this is asked about with an STK query
 * @param stuckCron  when the stuck-payments job runs (Spring cron, UTC)
 * @param currency   currency of M-Pesa payments
 */
@ConfigurationProperties("wificore.billing")
record BillingSettings(String publicUrl, @DefaultValue("PT2M") Duration stuckAfter,
                       @DefaultValue("0 * * * * *") String stuckCron, @DefaultValue("KES") String currency) {
}
