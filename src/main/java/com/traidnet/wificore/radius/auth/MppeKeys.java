package com.traidnet.wificore.radius.auth;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * MPPE keys from an MS-CHAPv2 exchange (RFC 3079 §3.4, named after its pseudo-code) and
 * their encryption into MS-MPPE-Send-Key / MS-MPPE-Recv-Key (RFC 2548 §2.4.2, §2.4.3).
 */
final class MppeKeys {

    private static final byte[] MASTER_KEY_MAGIC =
            "This is the MPPE Master Key".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLIENT_SEND_MAGIC =
            ("On the client side, this is the send key; on the server side, it is the receive key.")
                    .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLIENT_RECEIVE_MAGIC =
            ("On the client side, this is the receive key; on the server side, it is the send key.")
                    .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHS_PAD1 = new byte[40];
    private static final byte[] SHS_PAD2 = filled(40, (byte) 0xF2);

    private MppeKeys() {
    }

    /** RFC 3079 §3.4 GetMasterKey. */
    static byte[] masterKey(byte[] passwordHashHash, byte[] ntResponse) {
        return Arrays.copyOf(Digests.sha1(passwordHashHash, ntResponse, MASTER_KEY_MAGIC), 16);
    }

    /** RFC 3079 §3.4 GetAsymmetricStartKey. */
    static byte[] asymmetricStartKey(byte[] masterKey, int length, boolean isSend, boolean isServer) {
        byte[] magic = isSend == isServer ? CLIENT_RECEIVE_MAGIC : CLIENT_SEND_MAGIC;
        return Arrays.copyOf(Digests.sha1(masterKey, SHS_PAD1, magic, SHS_PAD2), length);
    }

    /** RFC 3079 §3.3 GetNewKeyFromSHA: what the NAS derives from the start key; here for the RFC vectors. */
    static byte[] newKeyFromSha(byte[] startKey, byte[] sessionKey, int length) {
        return Arrays.copyOf(Digests.sha1(Arrays.copyOf(startKey, length), SHS_PAD1,
                Arrays.copyOf(sessionKey, length), SHS_PAD2), length);
    }

    /**
     * RFC 2548 §2.4.2: Salt (high bit set), then Key-Length + Key + zero padding to 16-octet
     * blocks, XORed with b(1) = MD5(secret + Request Authenticator + Salt), b(i) = MD5(secret + c(i-1)).
     */
    static byte[] encrypt(byte[] key, byte[] salt, byte[] secret, byte[] requestAuthenticator) {
        if (salt.length != 2 || (salt[0] & 0x80) == 0) {
            throw new IllegalArgumentException("the salt is 2 octets with the high bit set");
        }
        byte[] plain = new byte[(key.length + 1 + 15) / 16 * 16];
        plain[0] = (byte) key.length;
        System.arraycopy(key, 0, plain, 1, key.length);
        byte[] value = Arrays.copyOf(salt, 2 + plain.length);
        byte[] pad = Digests.md5(secret, requestAuthenticator, salt);
        for (int block = 0; block < plain.length; block += 16) {
            for (int i = 0; i < 16; i++) {
                value[2 + block + i] = (byte) (plain[block + i] ^ pad[i]);
            }
            pad = Digests.md5(secret, Arrays.copyOfRange(value, 2 + block, 2 + block + 16));
        }
        return value;
    }

    /** The inverse of {@link #encrypt}: the key, or empty octets if the value is malformed. */
    static byte[] decrypt(byte[] value, byte[] secret, byte[] requestAuthenticator) {
        if (value.length < 18 || (value.length - 2) % 16 != 0) {
            return new byte[0];
        }
        byte[] plain = new byte[value.length - 2];
        byte[] pad = Digests.md5(secret, requestAuthenticator, Arrays.copyOf(value, 2));
        for (int block = 0; block < plain.length; block += 16) {
            for (int i = 0; i < 16; i++) {
                plain[block + i] = (byte) (value[2 + block + i] ^ pad[i]);
            }
            pad = Digests.md5(secret, Arrays.copyOfRange(value, 2 + block, 2 + block + 16));
        }
        int length = plain[0] & 0xFF;
        return length < plain.length ? Arrays.copyOfRange(plain, 1, 1 + length) : new byte[0];
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, value);
        return bytes;
    }
}
