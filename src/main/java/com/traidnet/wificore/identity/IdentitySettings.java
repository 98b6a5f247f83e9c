package com.traidnet.wificore.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code wificore.identity.*} (environment: {@code WIFICORE_IDENTITY_*}; the first admin
 * also from {@code WIFICORE_ADMIN_EMAIL}/{@code WIFICORE_ADMIN_PASSWORD}).
 *
 * @param adminEmail               e-mail of the platform admin created on first start
 * @param adminPassword            its password; generated and printed once when empty
 * @param loginTokenLifetime       lifetime of tokens issued by {@code /api/auth/login}
 * @param maxFailuresPerAccount    failed logins per account within {@code failureWindow} before 429
 * @param maxFailuresPerAddress    failed logins per client address within {@code failureWindow} before 429
 * @param failureWindow            the rate-limit window
 */
@ConfigurationProperties("wificore.identity")
public record IdentitySettings(
        @DefaultValue("admin@wificore.local") String adminEmail,
        @DefaultValue("") String adminPassword,
        @DefaultValue("P30D") Duration loginTokenLifetime,
        @DefaultValue("5") int maxFailuresPerAccount,
        @DefaultValue("20") int maxFailuresPerAddress,
        @DefaultValue("PT15M") Duration failureWindow) {

    public IdentitySettings {
        if (maxFailuresPerAccount < 1 || maxFailuresPerAddress < 1) {
            throw new IllegalArgumentException("wificore.identity.max-failures-per-* must be at least 1");
        }
        if (failureWindow.isNegative() || failureWindow.isZero() || loginTokenLifetime.isNegative()
                || loginTokenLifetime.isZero()) {
            throw new IllegalArgumentException("wificore.identity durations must be positive");
        }
    }
}
