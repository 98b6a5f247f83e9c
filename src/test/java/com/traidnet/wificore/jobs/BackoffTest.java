package com.traidnet.wificore.jobs;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    final Backoff middle = new Backoff(Duration.ofHours(1), () -> 0.5);

    @Test
    void doublesPerAttempt() {
        assertThat(middle.after(1, 10_000)).isEqualTo(Duration.ofSeconds(10));
        assertThat(middle.after(2, 10_000)).isEqualTo(Duration.ofSeconds(20));
        assertThat(middle.after(3, 10_000)).isEqualTo(Duration.ofSeconds(40));
        assertThat(middle.after(9, 10_000)).isEqualTo(Duration.ofSeconds(2560));
    }

    @Test
    void staysUnderTheCapEvenForHugeAttemptCounts() {
        assertThat(middle.after(10, 10_000)).isEqualTo(Duration.ofHours(1));
        assertThat(middle.after(1_000_000, 10_000)).isEqualTo(Duration.ofHours(1));
        assertThat(middle.after(63, Long.MAX_VALUE / 2)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void jitterSpreadsByAQuarterEitherWay() {
        assertThat(new Backoff(Duration.ofHours(1), () -> 0.0).after(2, 10_000)).isEqualTo(Duration.ofSeconds(15));
        assertThat(new Backoff(Duration.ofHours(1), () -> 0.999_999).after(2, 10_000).toMillis()).isEqualTo(25_000);
        assertThat(new Backoff(Duration.ofHours(1), () -> 0.999_999).after(20, 10_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void zeroBackoffRetriesAtOnce() {
        assertThat(middle.after(5, 0)).isZero();
    }
}
