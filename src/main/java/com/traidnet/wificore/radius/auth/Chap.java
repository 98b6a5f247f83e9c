package com.traidnet.wificore.radius.auth;

import com.traidnet.wificore.radius.packet.Attribute;
import com.traidnet.wificore.radius.packet.RadiusPacket;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

/**
 * CHAP in RADIUS (RFC 2865 §2.2, §5.3; RFC 1994 §4.1): CHAP-Password is the CHAP Identifier
 * followed by MD5(Identifier + password + challenge); the challenge is the CHAP-Challenge
 * attribute if present, otherwise the Request Authenticator (RFC 2865 §5.40).
 */
public final class Chap {

    private static final int CHAP_PASSWORD = 3;
    private static final int CHAP_CHALLENGE = 60;

    private Chap() {
    }

    /** True when the request carries a CHAP-Password. */
    public static boolean isChap(RadiusPacket request) {
        return request.first(CHAP_PASSWORD).isPresent();
    }

    /** True when the request's CHAP-Password was computed from {@code password} (cleartext). */
    public static boolean verify(RadiusPacket request, byte[] password) {
        Optional<byte[]> chapPassword = request.first(CHAP_PASSWORD).map(Attribute::value);
        if (chapPassword.isEmpty() || chapPassword.get().length != 17) {
            return false;
        }
        byte[] challenge = request.first(CHAP_CHALLENGE).map(Attribute::value).orElseGet(request::authenticator);
        byte[] expected = response(chapPassword.get()[0], password, challenge);
        return MessageDigest.isEqual(expected, Arrays.copyOfRange(chapPassword.get(), 1, 17));
    }

    /** RFC 1994 §4.1: the Response Value. */
    static byte[] response(byte identifier, byte[] password, byte[] challenge) {
        return Digests.md5(new byte[] {identifier}, password, challenge);
    }
}
