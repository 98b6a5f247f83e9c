package com.traidnet.wificore.water;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * {@code wificore.water.*} (environment: {@code WIFICORE_WATER_*}).
 *
 * @param offlineAfter         a dispenser silent this long (no signed request) is offline
 * @param signatureWindow      a request's {@code X-Timestamp} may differ from our clock by at most this much;
 *                             nonces are remembered for twice as long
 * @param maxBatch             dispenses per upload (the device API refuses more)
 * @param maxLitres            litres one dispense may report; more is a device fault, refused
 * @param maxUploadAge         how old a dispense may be when it is uploaded (days offline); older is refused
 * @param sweepEvery           how often offline dispensers are looked for (and old nonces forgotten)
 * @param credentialsCacheTtl  how long a node trusts its cached copy of a dispenser's key and state: a
 *                             disable or key rotation on another node takes effect here within this time
 * @param tankLowShare         default low-tank mark, as a share of capacity, for dispensers without their own
 */
@ConfigurationProperties("wificore.water")
record WaterSettings(@DefaultValue("PT5M") Duration offlineAfter,
                     @DefaultValue("PT5M") Duration signatureWindow,
                     @DefaultValue("1000") int maxBatch,
                     @DefaultValue("1000") BigDecimal maxLitres,
                     @DefaultValue("P60D") Duration maxUploadAge,
                     @DefaultValue("PT1M") Duration sweepEvery,
                     @DefaultValue("PT5S") Duration credentialsCacheTtl,
                     @DefaultValue("0.15") BigDecimal tankLowShare) {

    WaterSettings {
        if (offlineAfter.isNegative() || offlineAfter.isZero()) {
            throw new IllegalArgumentException("wificore.water.offline-after must be positive, was " + offlineAfter);
        }
        if (signatureWindow.toSeconds() < 1) {
            throw new IllegalArgumentException("wificore.water.signature-window must be at least 1s, was " + signatureWindow);
        }
        if (maxBatch < 1 || maxBatch > 10_000) {
            throw new IllegalArgumentException("wificore.water.max-batch must be 1..10000, was " + maxBatch);
        }
        if (maxLitres.signum() <= 0) {
            throw new IllegalArgumentException("wificore.water.max-litres must be positive, was " + maxLitres);
        }
        if (sweepEvery.toSeconds() < 1 || 60 % sweepEvery.toSeconds() != 0 && sweepEvery.toSeconds() % 60 != 0) {
            throw new IllegalArgumentException("wificore.water.sweep-every must divide a minute or be whole minutes, was "
                    + sweepEvery);
        }
        if (tankLowShare.signum() < 0 || tankLowShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("wificore.water.tank-low-share must be between 0 and 1, was " + tankLowShare);
        }
    }

    /** The sweep's Spring cron. */
    String sweepCron() {
        long s = sweepEvery.toSeconds();
        return s < 60 ? "*/" + s + " * * * * *" : "0 */" + s / 60 + " * * * *";
    }
}
