package com.traidnet.wificore.radius.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.MD4Digest;

/** The message digests the authentication methods are defined over; MD4 from BouncyCastle, the rest from the JDK. */
final class Digests {

    private Digests() {
    }

    static byte[] md4(byte[] data) {
        Digest md4 = new MD4Digest();
        md4.update(data, 0, data.length);
        byte[] out = new byte[md4.getDigestSize()];
        md4.doFinal(out, 0);
        return out;
    }

    static byte[] md5(byte[]... parts) {
        return digest("MD5", parts);
    }

    static byte[] sha1(byte[]... parts) {
        return digest("SHA-1", parts);
    }

    /** A JDK digest ("MD5", "SHA-1", "SHA-256", …) over the concatenated parts. */
    static byte[] digest(String algorithm, byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
