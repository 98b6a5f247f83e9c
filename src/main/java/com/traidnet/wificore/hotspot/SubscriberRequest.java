package com.traidnet.wificore.hotspot;

import com.traidnet.wificore.platform.ApiProblem;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A new subscriber. Hotspot: {@code phone} (becomes the username), optional {@code macAddress}
 * binding and package. PPPoE: {@code accountNumber}, {@code username} (default: the account
 * number), {@code packageId} (the monthly package), {@code staticIp} or {@code ipPool},
 * {@code nextDueAt} (default: now + one period), {@code graceDays}. {@code password} is
 * generated when absent; {@code expiresAt} defaults to now + the package's duration (hotspot).
 */
record SubscriberRequest(@NotNull @Pattern(regexp = "hotspot|pppoe") String kind,
                         @Size(max = 32) String phone,
                         @Size(max = 64) String accountNumber,
                         @Size(max = 64) String username,
                         @Size(min = 4, max = 64) String password,
                         @Size(max = 32) String macAddress,
                         UUID packageId,
                         Instant expiresAt,
                         @Size(max = 45) String staticIp,
                         @Size(max = 64) String ipPool,
                         Instant nextDueAt,
                         @PositiveOrZero @Max(365) Integer graceDays) {

    static String mac(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String hex = raw.replaceAll("[\\s:.-]", "").toUpperCase(Locale.ROOT);
        if (!hex.matches("[0-9A-F]{12}")) {
            throw ApiProblem.invalidField(field, "must be a MAC address, e.g. AA:BB:CC:DD:EE:FF");
        }
        return hex.replaceAll("(..)(?!$)", "$1:");
    }

    static String ipv4(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String ip = raw.strip();
        if (!ip.matches("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)")) {
            throw ApiProblem.invalidField(field, "must be an IPv4 address");
        }
        return ip;
    }

    static String word(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String word = raw.strip();
        if (!word.matches("[A-Za-z0-9@._-]{1,64}")) {
            throw ApiProblem.invalidField(field, "may contain letters, digits and @ . _ - only");
        }
        return word;
    }

    static String password(String raw, String field) {
        if (raw != null && !raw.matches("[\\x21-\\x7E]{4,64}")) {
            throw ApiProblem.invalidField(field, "must be 4-64 printable characters without spaces");
        }
        return raw;
    }
}
