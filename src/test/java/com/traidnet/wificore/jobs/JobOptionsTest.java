package com.traidnet.wificore.jobs;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobOptionsTest {

    record Ping() {
    }

    @Test
    void withersChangeOneFieldEach() {
        var options = JobOptions.defaults().queue("mail").priority(0).delay(Duration.ofMinutes(5)).maxAttempts(3)
                .idempotencyKey("welcome:42");
        assertThat(options.queue()).isEqualTo("mail");
        assertThat(options.priority()).isZero();
        assertThat(options.delay()).isEqualTo(Duration.ofMinutes(5));
        assertThat(options.maxAttempts()).isEqualTo(3);
        assertThat(options.idempotencyKey()).isEqualTo("welcome:42");
        assertThat(options.tenant()).isNull();
        assertThat(JobOptions.defaults().queue()).isNull();
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> JobOptions.defaults().priority(10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JobOptions.defaults().maxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JobOptions.defaults().queue("Mail")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JobOptions.defaults().queue("a.b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JobOptions.defaults().idempotencyKey("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JobOptions.defaults().delay(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recurringJobsCheckTheirCronAndLeaveTheStartToTheSchedule() {
        var r = RecurringJob.of("radius.sweep", "0 */5 * * * *", new Ping()).zone(ZoneId.of("Africa/Nairobi"));
        assertThat(r.zone().getId()).isEqualTo("Africa/Nairobi");
        assertThatThrownBy(() -> RecurringJob.of("x", "every minute", new Ping()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecurringJob.of("Bad Name", "0 * * * * *", new Ping()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecurringJob.of("x", "0 * * * * *", new Ping())
                .options(JobOptions.defaults().idempotencyKey("k"))).isInstanceOf(IllegalArgumentException.class);
    }
}
