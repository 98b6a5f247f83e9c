package com.traidnet.wificore.platform;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * {@code @Scheduled} work runs in the server, not in operator commands, which set
 * {@code wificore.scheduling.enabled=false} (so a one-off command never sweeps, prunes or
 * maintains on its own).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "wificore.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfig {
}
