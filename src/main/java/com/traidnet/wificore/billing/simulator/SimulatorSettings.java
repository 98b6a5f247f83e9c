package com.traidnet.wificore.billing.simulator;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code wificore.billing.simulator.*} (environment {@code WIFICORE_BILLING_SIMULATOR_*}).
 *
 * @param enabled       serve the built-in Daraja at {@code /sim/daraja}; never on a production platform
 * @param callbackDelay how long the simulated customer takes to answer the STK prompt
 */
@ConfigurationProperties("wificore.billing.simulator")
record SimulatorSettings(@DefaultValue("true") boolean enabled, @DefaultValue("PT1S") Duration callbackDelay) {
}
