package com.traidnet.wificore.hotspot;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code wificore.hotspot.*} (environment: {@code WIFICORE_HOTSPOT_*}).
 *
 * @param enforcementEvery how often expired, over-quota and overdue subscribers are swept
 *                         ({@code WIFICORE_HOTSPOT_ENFORCEMENTEVERY}); {@code 0} turns the schedule off.
 *                         It becomes a cron, so it must divide a minute (seconds), an hour (minutes) or a
 *                         day (hours).
 */
@ConfigurationProperties("wificore.hotspot")
record HotspotSettings(@DefaultValue("PT1M") Duration enforcementEvery) {

    HotspotSettings {
        if (enforcementEvery.isNegative() || (!enforcementEvery.isZero() && cron(enforcementEvery) == null)) {
            throw new IllegalArgumentException("wificore.hotspot.enforcement-every must be 0 (off) or divide a minute,"
                    + " an hour or a day evenly, e.g. PT30S, PT1M, PT5M, PT1H; was " + enforcementEvery);
        }
    }

    /** The Spring cron for the period (second minute hour day month weekday), or null when none fits. */
    static String cron(Duration every) {
        long s = every.toSeconds();
        if (s <= 0 || every.toNanosPart() != 0) {
            return null;
        }
        if (s < 60 && 60 % s == 0) {
            return "*/" + s + " * * * * *";
        }
        if (s % 60 == 0 && s < 3600 && 60 % (s / 60) == 0) {
            return "0 */" + s / 60 + " * * * *";
        }
        if (s % 3600 == 0 && s <= 86_400 && 24 % (s / 3600) == 0) {
            return "0 0 */" + s / 3600 + " * * *";
        }
        return null;
    }
}
