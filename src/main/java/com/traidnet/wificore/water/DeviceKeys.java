package com.traidnet.wificore.water;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Device ids, device keys and the request signature (docs/water.md#signing):
 * {@code hex(HMAC-SHA256(key, METHOD \n PATH \n TIMESTAMP \n NONCE \n hex(SHA-256(body))))}, the key
 * being the UTF-8 bytes of the secret as shown to staff (so {@code openssl dgst -hmac "$KEY"} works).
 */
final class DeviceKeys {

    /** No look-alike characters: ids are read off a screen and typed into a device's setup page. */
    private static final String ID_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private DeviceKeys() {
    }

    static String newDeviceId() {
        StringBuilder id = new StringBuilder("WD-");
        for (int i = 0; i < 10; i++) {
            id.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }

    /** 256 random bits, base64url without padding (43 characters). */
    static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    static String canonical(String method, String path, String timestamp, String nonce, byte[] body) {
        return method + "\n" + path + "\n" + timestamp + "\n" + nonce + "\n" + sha256Hex(body);
    }

    static String sign(byte[] key, String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JDK", e);
        }
    }

    /** Constant-time comparison of the expected signature with the one sent (any case of hex). */
    static boolean matches(String expectedHex, String sentHex) {
        if (sentHex == null) {
            return false;
        }
        return MessageDigest.isEqual(expectedHex.getBytes(StandardCharsets.US_ASCII),
                sentHex.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    static String sha256Hex(byte[] body) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(body == null ? new byte[0] : body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable in this JDK", e);
        }
    }
}
