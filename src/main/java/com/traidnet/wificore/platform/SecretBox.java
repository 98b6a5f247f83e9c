package com.traidnet.wificore.platform;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Encrypts secrets the platform must be able to read back (NAS shared secrets, dispenser
 * keys) with AES-256-GCM, so that a database dump alone does not reveal them
 * (ADR 0005). A sealed value is {@code version (1) | nonce (12) | ciphertext | tag (16)};
 * the version byte leaves room for a later key rotation.
 * <p>
 * The key is {@code wificore.secret-key} ({@code WIFICORE_SECRET_KEY}, base64 of 32
 * bytes); when unset, one is generated on first start and kept in
 * {@code <data dir>/secret.key} (mode 0600). Thread-safe.
 */
@Component
public class SecretBox {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int OVERHEAD = 1 + NONCE_BYTES + TAG_BITS / 8;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    SecretBox(@Value("${wificore.secret-key:}") String configuredKey,
              @Value("${wificore.data.dir:data}") String dataDir) {
        this(configuredKey == null || configuredKey.isBlank()
                ? SecretKeyFile.loadOrCreate(Path.of(dataDir).resolve("secret.key"))
                : decodeKey(configuredKey, "wificore.secret-key (WIFICORE_SECRET_KEY)"));
    }

    /** A box with the given 32-byte key (tests, tools). */
    public SecretBox(byte[] key) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("the secret key must be 32 bytes (AES-256)");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** Encrypts {@code plain} under a fresh random nonce; sealing the same value twice gives different bytes. */
    public byte[] seal(byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(new byte[] {VERSION});
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this JDK", e);
        }
    }

    /**
     * Decrypts what {@link #seal} produced.
     *
     * @throws SecretUnreadableException when the value was altered, is not a sealed value,
     *                                   or was sealed under another key
     */
    public byte[] open(byte[] sealed) {
        if (sealed == null || sealed.length < OVERHEAD) {
            throw new SecretUnreadableException("not a sealed secret: too short");
        }
        if (sealed[0] != VERSION) {
            throw new SecretUnreadableException("not a sealed secret: unknown format version " + sealed[0]);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(sealed, 0, 1);
            return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new SecretUnreadableException("the secret cannot be decrypted: it was altered or sealed under"
                    + " another key (check wificore.secret-key / <data dir>/secret.key)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this JDK", e);
        }
    }

    /**
     * A 32-byte key for {@code purpose}, derived from the secret key (HMAC-SHA256): settings
     * that must be stable across restarts and equal on every node (the real-time app's
     * credentials) without being stored anywhere of their own.
     */
    public byte[] derive(String purpose) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(("wificore:derive:" + purpose).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JDK", e);
        }
    }

    static byte[] decodeKey(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " is not valid base64");
        }
        if (key.length != 32) {
            Arrays.fill(key, (byte) 0);
            throw new IllegalArgumentException(source + " must be the base64 of 32 bytes, not " + key.length
                    + " (generate one with: openssl rand -base64 32)");
        }
        return key;
    }

    /** A sealed value that cannot be opened: tampered with, truncated, or sealed under another key. */
    public static final class SecretUnreadableException extends RuntimeException {
        SecretUnreadableException(String message) {
            super(message);
        }
    }
}
