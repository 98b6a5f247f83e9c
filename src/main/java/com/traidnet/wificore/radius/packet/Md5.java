package com.traidnet.wificore.radius.packet;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** MD5 and HMAC-MD5, the two primitives RADIUS packet security rests on (RFC 2865, RFC 2104). */
final class Md5 {

    private Md5() {
    }

    static byte[] digest(byte[]... parts) {
        MessageDigest md5 = messageDigest();
        for (byte[] part : parts) {
            md5.update(part);
        }
        return md5.digest();
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key, "HmacMD5"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-MD5 is part of every JDK", e);
        }
    }

    private static MessageDigest messageDigest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
