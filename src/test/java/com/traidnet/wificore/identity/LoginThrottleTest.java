package com.traidnet.wificore.identity;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.support.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginThrottleTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    final LoginThrottle throttle = new LoginThrottle(
            new IdentitySettings("a@b.c", "", Duration.ofDays(1), 3, 5, Duration.ofMinutes(15)), clock);

    @Test
    void locksAnAccountAfterTooManyFailuresUntilTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            throttle.check("Boss@Acme.test", "10.0.0.1");
            throttle.failed("boss@acme.test", "10.0.0." + i);
        }
        assertThatThrownBy(() -> throttle.check("BOSS@acme.test", "10.0.0.9"))
                .isInstanceOf(ApiProblem.class)
                .satisfies(e -> assertThat(((ApiProblem) e).retryAfter()).isEqualTo(Duration.ofMinutes(15)));
        clock.advance(Duration.ofMinutes(15));
        assertThatCode(() -> throttle.check("boss@acme.test", "10.0.0.9")).doesNotThrowAnyException();
    }

    @Test
    void limitsOneAddressTryingManyAccounts() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i + "@x.test", "192.0.2.7");
        }
        assertThatThrownBy(() -> throttle.check("fresh@x.test", "192.0.2.7")).hasMessageContaining("your address");
        assertThatCode(() -> throttle.check("fresh@x.test", "192.0.2.8")).doesNotThrowAnyException();
    }

    @Test
    void successResetsTheAccountCount() {
        throttle.failed("a@x.test", "1.1.1.1");
        throttle.failed("a@x.test", "1.1.1.1");
        throttle.succeeded("a@x.test");
        throttle.failed("a@x.test", "1.1.1.1");
        throttle.failed("a@x.test", "1.1.1.1");
        assertThatCode(() -> throttle.check("a@x.test", "2.2.2.2")).doesNotThrowAnyException();
    }
}
