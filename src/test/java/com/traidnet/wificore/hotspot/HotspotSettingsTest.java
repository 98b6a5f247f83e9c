package com.traidnet.wificore.hotspot;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** wificore.hotspot.enforcement-every becomes the enforcement schedule's cron. */
class HotspotSettingsTest {

    @Test
    void periodsThatDivideAMinuteAnHourOrADayBecomeCrons() {
        assertThat(HotspotSettings.cron(Duration.ofMinutes(1))).isEqualTo("0 */1 * * * *");
        assertThat(HotspotSettings.cron(Duration.ofSeconds(30))).isEqualTo("*/30 * * * * *");
        assertThat(HotspotSettings.cron(Duration.ofMinutes(15))).isEqualTo("0 */15 * * * *");
        assertThat(HotspotSettings.cron(Duration.ofHours(6))).isEqualTo("0 0 */6 * * *");
        assertThat(new HotspotSettings(Duration.ZERO).enforcementEvery()).isZero();
    }

    @Test
    void otherPeriodsAreRefusedAtStart() {
        for (Duration bad : new Duration[]{Duration.ofSeconds(7), Duration.ofMinutes(7), Duration.ofHours(5),
                Duration.ofDays(2), Duration.ofMillis(1500), Duration.ofSeconds(-60)}) {
            assertThatThrownBy(() -> new HotspotSettings(bad)).as(bad.toString())
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
