package com.traidnet.wificore.radius.coa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code wificore.radius.coa.*} settings and the bean, without the rest of the application. */
class CoaSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CoaSettings.class)
    static class Wiring {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Wiring.class)
            .withBean(CoaClient.class);

    @Test
    void defaultsToOneSecondAndThreeAttempts() {
        context.run(c -> {
            assertThat(c).hasSingleBean(CoaClient.class);
            assertThat(c.getBean(CoaSettings.class)).isEqualTo(CoaSettings.defaults());
        });
    }

    @Test
    void readsTheProperties() {
        context.withPropertyValues("wificore.radius.coa.timeout=250ms", "wificore.radius.coa.attempts=5")
                .run(c -> assertThat(c.getBean(CoaSettings.class)).isEqualTo(new CoaSettings(Duration.ofMillis(250), 5)));
    }

    @Test
    void refusesNonsense() {
        context.withPropertyValues("wificore.radius.coa.attempts=0").run(c -> assertThat(c).hasFailed());
        assertThatThrownBy(() -> new CoaSettings(Duration.ZERO, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
