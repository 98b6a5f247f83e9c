package com.traidnet.wificore.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.http.HttpClient;
import java.time.Duration;

/** Picks the {@link SmsSender} named by {@code wificore.sms.provider}. */
@Configuration(proxyBeanMethods = false)
class SmsConfig {

    @Bean
    SmsSender smsSender(SmsSettings settings) {
        if ("africastalking".equals(settings.provider())) {
            var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            return new AfricasTalkingSmsSender(http, settings.url(), settings.username(), settings.apiKey(),
                    settings.sender());
        }
        return new LogSmsSender();
    }
}
