package com.traidnet.wificore.radius.coa;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code wificore.radius.coa.*} (environment: {@code WIFICORE_RADIUS_COA_*}).
 *
 * @param timeout  how long to wait for an answer before retransmitting ({@code WIFICORE_RADIUS_COA_TIMEOUT})
 * @param attempts transmissions of one request before giving up, the first included
 *                 ({@code WIFICORE_RADIUS_COA_ATTEMPTS})
 */
@ConfigurationProperties("wificore.radius.coa")
public record CoaSettings(@DefaultValue("PT1S") Duration timeout, @DefaultValue("3") int attempts) {

    public CoaSettings {
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("wificore.radius.coa.timeout must be more than 0 and at most 1 minute");
        }
        if (attempts < 1 || attempts > 10) {
            throw new IllegalArgumentException("wificore.radius.coa.attempts must be 1..10");
        }
    }

    /** One second, three attempts: a NAS on the operator's network answers in milliseconds. */
    public static CoaSettings defaults() {
        return new CoaSettings(Duration.ofSeconds(1), 3);
    }
}
