package com.traidnet.wificore.realtime.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * A Pusher app: the key is public (clients connect with it), the secret signs
 * subscriptions and API calls.
 *
 * @param encryptionMasterKey 32 bytes; private-encrypted channels' shared secrets derive from it
 */
public record PusherApp(String id, String key, String secret, byte[] encryptionMasterKey) {

    /**
     * The per-channel key for {@code private-encrypted-} channels, as the Pusher SDKs compute
     * it: base64(SHA-256(channel name ‖ master key)). Only subscribers get it (from the auth
     * endpoint); the server never decrypts.
     */
    public String sharedSecret(String channel) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(channel.getBytes(StandardCharsets.UTF_8));
            sha.update(encryptionMasterKey);
            return Base64.getEncoder().encodeToString(sha.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable in this JDK", e);
        }
    }

    @Override
    public String toString() {
        return "PusherApp[id=" + id + ", key=" + key + "]"; // never the secret
    }
}
