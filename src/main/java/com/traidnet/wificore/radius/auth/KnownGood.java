package com.traidnet.wificore.radius.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A stored password hash as text, back to octets the way FreeRADIUS rlm_pap "normalises" it:
 * hex if it is all hex digits and long enough, else base64 if it decodes to enough octets,
 * else the text itself. A {@code 0x} prefix marks hex octets, as FreeRADIUS's octets attributes take them.
 */
final class KnownGood {

    private KnownGood() {
    }

    /** @param minLength the fewest octets a decoded value can have (digest, plus 1 for a salt) */
    static byte[] normalise(String text, int minLength) {
        if (text.length() > 2 && (text.startsWith("0x") || text.startsWith("0X")) && text.length() % 2 == 0
                && text.substring(2).chars().allMatch(HexFormat::isHexDigit)) {
            return HexFormat.of().parseHex(text.substring(2));
        }
        if (text.length() % 2 == 0 && text.length() >= 2 * minLength && text.chars().allMatch(HexFormat::isHexDigit)) {
            return HexFormat.of().parseHex(text);
        }
        if (text.length() * 3 >= minLength * 4) {
            try {
                byte[] decoded = Base64.getDecoder().decode(text);
                if (decoded.length >= minLength) {
                    return decoded;
                }
            } catch (IllegalArgumentException notBase64) {
                // fall through: binary or unknown encoding, used as it is
            }
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
