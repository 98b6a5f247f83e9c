package com.traidnet.wificore.radius.server;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code wificore.radius.*} (environment {@code WIFICORE_RADIUS_*}; the two ports also as
 * {@code WIFICORE_RADIUS_AUTH_PORT} / {@code WIFICORE_RADIUS_ACCT_PORT}).
 *
 * @param enabled              run the RADIUS role on this node
 * @param bindAddress          address both UDP ports bind to
 * @param authPort             Access-Request port (seed: 1872; IANA: 1812)
 * @param acctPort             Accounting-Request port (seed: 1873; IANA: 1813)
 * @param duplicateWindow      how long a request's reply is kept for retransmissions (RFC 5080 §2.2.2)
 * @param accountingBatch      most accounting packets that share one commit
 * @param accountingWriters    accounting writer threads (a session always goes to the same one)
 * @param accountingQueue      packets waiting for a writer before new ones are dropped (the NAS retransmits)
 * @param postAuthBatch        most radpostauth rows per insert
 * @param staleGrace           a session silent for 2 × its interim interval plus this is closed as stale
 * @param defaultInterimInterval interim interval assumed when a session never said
 * @param staleSweepEvery      how often to look for stale sessions
 * @param maxCachedUsers       authorize cache size (users and groups) per node
 */
@ConfigurationProperties("wificore.radius")
public record RadiusSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0.0.0.0") String bindAddress,
        @DefaultValue("1872") int authPort,
        @DefaultValue("1873") int acctPort,
        @DefaultValue("PT10S") Duration duplicateWindow,
        @DefaultValue("1000") int accountingBatch,
        @DefaultValue("2") int accountingWriters,
        @DefaultValue("100000") int accountingQueue,
        @DefaultValue("2000") int postAuthBatch,
        @DefaultValue("PT2M") Duration staleGrace,
        @DefaultValue("PT10M") Duration defaultInterimInterval,
        @DefaultValue("PT1M") Duration staleSweepEvery,
        @DefaultValue("1000000") int maxCachedUsers) {

    public RadiusSettings {
        checkPort(authPort, "auth-port");
        checkPort(acctPort, "acct-port");
        if (accountingBatch < 1 || accountingWriters < 1 || accountingQueue < 1 || postAuthBatch < 1
                || maxCachedUsers < 1) {
            throw new IllegalArgumentException("wificore.radius batch, queue and cache sizes must be at least 1");
        }
        if (duplicateWindow.isNegative() || duplicateWindow.isZero()) {
            throw new IllegalArgumentException("wificore.radius.duplicate-window must be positive");
        }
    }

    private static void checkPort(int port, String name) {
        // 0 = any free port (tests); binding is what fails for ports in use
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("wificore.radius." + name + " must be 0..65535, not " + port);
        }
    }
}
