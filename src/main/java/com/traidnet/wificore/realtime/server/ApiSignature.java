package com.traidnet.wificore.realtime.server;

import com.traidnet.wificore.realtime.protocol.PusherApp;
import com.traidnet.wificore.realtime.protocol.Signatures;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Verifies a Pusher HTTP API request (Pusher "Authentication" of the REST API):
 * {@code auth_signature = HMAC-SHA256(secret, "METHOD\nPATH\nQUERY")}, QUERY being every
 * parameter but the signature, keys lower-cased and sorted, values unencoded; the
 * timestamp within ±600 s; {@code body_md5} matching a non-empty body.
 */
final class ApiSignature {

    static final long MAX_SKEW_SECONDS = 600;

    private ApiSignature() {
    }

    /** Null when the request is authentic, else why not. */
    static String check(PusherApp app, String method, String path, Map<String, List<String>> params, byte[] body,
                        Clock clock) {
        String key = first(params, "auth_key");
        String timestamp = first(params, "auth_timestamp");
        String signature = first(params, "auth_signature");
        if (key == null || timestamp == null || signature == null) {
            return "auth_key, auth_timestamp and auth_signature are required";
        }
        if (!key.equals(app.key())) {
            return "unknown auth_key";
        }
        long sentAt;
        try {
            sentAt = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return "auth_timestamp is not a number";
        }
        if (Math.abs(clock.instant().getEpochSecond() - sentAt) > MAX_SKEW_SECONDS) {
            return "auth_timestamp is more than " + MAX_SKEW_SECONDS + " s from the server's time";
        }
        if (body.length > 0) {
            String md5 = first(params, "body_md5");
            if (md5 == null || !Signatures.same(Signatures.md5Hex(body), md5)) {
                return "body_md5 is missing or does not match the body";
            }
        }
        String expected = Signatures.hmacSha256Hex(app.secret(), method + "\n" + path + "\n" + query(params));
        return Signatures.same(expected, signature) ? null : "invalid auth_signature";
    }

    private static String query(Map<String, List<String>> params) {
        var sorted = new TreeMap<String, String>();
        params.forEach((k, v) -> {
            if (!k.equalsIgnoreCase("auth_signature") && !v.isEmpty()) {
                sorted.put(k.toLowerCase(java.util.Locale.ROOT), v.getFirst());
            }
        });
        var b = new StringBuilder();
        sorted.forEach((k, v) -> b.append(b.isEmpty() ? "" : "&").append(k).append('=').append(v));
        return b.toString();
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
