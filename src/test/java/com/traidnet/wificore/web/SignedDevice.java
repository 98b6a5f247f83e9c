package com.traidnet.wificore.web;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * A water dispenser's request signature written from docs/water.md alone (not the water module's own code), so the
 * browser test also checks that what the docs tell device makers is what the server accepts.
 */
final class SignedDevice {

    private SignedDevice() {
    }

    static Map<String, String> headers(String deviceId, String key, String path, String body) {
        try {
            String timestamp = Long.toString(System.currentTimeMillis() / 1000);
            String nonce = UUID.randomUUID().toString();
            HexFormat hex = HexFormat.of();
            String bodyHash = hex.formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
            String canonical = "POST\n" + path + "\n" + timestamp + "\n" + nonce + "\n" + bodyHash;
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = hex.formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
            return Map.of("X-Device-Id", deviceId, "X-Timestamp", timestamp, "X-Nonce", nonce,
                    "X-Signature", signature, "Content-Type", "application/json");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
