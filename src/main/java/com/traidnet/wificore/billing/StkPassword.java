package com.traidnet.wificore.billing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * The {@code Password} and {@code Timestamp} of Daraja's STK push and STK query requests:
 * {@code base64(shortcode + passkey + timestamp)}, the timestamp {@code yyyyMMddHHmmss} in
 * East Africa Time — Daraja rejects a password built on a UTC timestamp on a server that
 * runs in UTC, which is every server we deploy to.
 */
final class StkPassword {

    static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(NAIROBI);

    private StkPassword() {
    }

    static String timestamp(Instant at) {
        return TIMESTAMP.format(at);
    }

    static String password(String shortcode, String passkey, String timestamp) {
        return Base64.getEncoder().encodeToString((shortcode + passkey + timestamp).getBytes(StandardCharsets.UTF_8));
    }
}
