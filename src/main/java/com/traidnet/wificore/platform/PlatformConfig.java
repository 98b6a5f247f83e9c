package com.traidnet.wificore.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Shared infrastructure beans. */
@Configuration(proxyBeanMethods = false)
class PlatformConfig {

    /** Time comes from here, so expiry and partition logic can be tested with a fixed clock. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
