package com.traidnet.wificore.radius.packet;

import java.util.Arrays;
import java.util.Optional;

/**
 * User-Password hiding, RFC 2865 §5.2: the password, padded with NULs to a multiple of 16,
 * is XORed block by block with MD5(secret + previous block), the first "previous block"
 * being the Request Authenticator.
 */
public final class UserPassword {

    /** RFC 2865 §5.2: "at least 16 octets and at most 128". */
    public static final int MAX_LENGTH = 128;
    private static final int USER_PASSWORD = 2;

    private UserPassword() {
    }

    /** The cleartext password of an Access-Request, if it has a User-Password. */
    public static Optional<byte[]> of(RadiusPacket accessRequest, byte[] secret) throws RadiusCodecException {
        Optional<Attribute> hidden = accessRequest.first(USER_PASSWORD);
        if (hidden.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(unhide(hidden.get().bytes(), secret, accessRequest.authenticatorBytes()));
    }

    /** The User-Password value for {@code password} (at most 128 octets). */
    public static byte[] hide(byte[] password, byte[] secret, byte[] requestAuthenticator) {
        Authenticators.requireSecret(secret);
        if (password.length > MAX_LENGTH) {
            throw new IllegalArgumentException("a User-Password holds at most 128 octets");
        }
        int padded = Math.max(16, (password.length + 15) / 16 * 16);
        byte[] hidden = Arrays.copyOf(password, padded);
        byte[] previous = requestAuthenticator;
        for (int block = 0; block < padded; block += 16) {
            xor(hidden, block, Md5.digest(secret, previous));
            previous = Arrays.copyOfRange(hidden, block, block + 16);
        }
        return hidden;
    }

    /**
     * The cleartext from a User-Password value, trailing NUL padding removed.
     *
     * @throws RadiusCodecException if the value is not 16..128 octets in whole 16-octet blocks
     */
    public static byte[] unhide(byte[] hidden, byte[] secret, byte[] requestAuthenticator) throws RadiusCodecException {
        Authenticators.requireSecret(secret);
        if (hidden.length < 16 || hidden.length > MAX_LENGTH || hidden.length % 16 != 0) {
            throw new RadiusCodecException("User-Password of " + hidden.length
                    + " octets is not 16..128 octets in 16-octet blocks (RFC 2865 §5.2)");
        }
        byte[] clear = hidden.clone();
        byte[] previous = requestAuthenticator;
        for (int block = 0; block < clear.length; block += 16) {
            xor(clear, block, Md5.digest(secret, previous));
            previous = Arrays.copyOfRange(hidden, block, block + 16);
        }
        int end = clear.length;
        while (end > 0 && clear[end - 1] == 0) {
            end--;
        }
        return Arrays.copyOf(clear, end);
    }

    private static void xor(byte[] target, int offset, byte[] pad) {
        for (int i = 0; i < 16; i++) {
            target[offset + i] ^= pad[i];
        }
    }
}
