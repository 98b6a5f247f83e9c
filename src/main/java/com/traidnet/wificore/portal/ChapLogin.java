package com.traidnet.wificore.portal;

import com.traidnet.wificore.platform.ApiProblem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A MikroTik hotspot's HTTP-CHAP login (its default "Login By"): the router hands the login page
 * a one-byte {@code chap-id} and a {@code chap-challenge}, and accepts as the password only
 * {@code hex(MD5(chap-id ‖ password ‖ chap-challenge))}; it then sends RADIUS a CHAP-Password
 * made of the same id and digest with the challenge in CHAP-Challenge (RFC 2865 §5.3, §5.40).
 * MikroTik's own login.html computes the digest in the browser with md5.js; the portal knows the
 * password, so it computes the digest here and the page carries no script and no cleartext.
 *
 * <p>MikroTik renders both variables as JavaScript octal escapes ({@code \371},
 * {@code \357\015…}); this accepts that form and plain hex (what the portal carries between its
 * own pages).
 */
record ChapLogin(int id, String challengeHex) {

    private static final HexFormat HEX = HexFormat.of();
    private static final int MAX_CHALLENGE = 64;   // MikroTik sends 16; RFC 2865 allows up to 253

    /** Null when neither parameter is given (PAP); both or neither, else a 400. */
    static ChapLogin of(String idText, String challengeText) {
        boolean noId = idText == null || idText.isBlank();
        boolean noChallenge = challengeText == null || challengeText.isBlank();
        if (noId && noChallenge) {
            return null;
        }
        if (noId || noChallenge) {
            throw ApiProblem.invalidField(noId ? "chap-id" : "chap-challenge",
                    "is required with " + (noId ? "chap-challenge" : "chap-id") + " (pass both MikroTik variables)");
        }
        byte[] id = bytes(idText.trim(), "chap-id");
        if (id.length != 1) {
            throw ApiProblem.invalidField("chap-id", "must be one byte, as MikroTik's $(chap-id) gives it");
        }
        byte[] challenge = bytes(challengeText.trim(), "chap-challenge");
        if (challenge.length == 0 || challenge.length > MAX_CHALLENGE) {
            throw ApiProblem.invalidField("chap-challenge", "must be 1 to " + MAX_CHALLENGE + " bytes");
        }
        return new ChapLogin(id[0] & 0xff, HEX.formatHex(challenge));
    }

    /** What the login form posts as {@code password}: 32 lower-case hex digits. */
    String response(String password) {
        try {
            var md5 = MessageDigest.getInstance("MD5");   // CHAP's hash (RFC 1994), not our choice
            md5.update((byte) id);
            md5.update(password.getBytes(StandardCharsets.UTF_8));
            md5.update(HEX.parseHex(challengeHex));
            return HEX.formatHex(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    String idHex() {
        return HEX.toHexDigits((byte) id);
    }

    /** {@code \ooo…} (MikroTik) or hex (ours). */
    private static byte[] bytes(String text, String field) {
        if (text.length() > 4 * (MAX_CHALLENGE + 1)) {
            throw ApiProblem.invalidField(field, "is too long");
        }
        if (text.startsWith("\\")) {
            var out = new java.io.ByteArrayOutputStream();
            int i = 0;
            while (i < text.length()) {
                if (text.charAt(i) != '\\') {
                    throw ApiProblem.invalidField(field, "must be octal escapes like \\371, or hex");
                }
                int start = ++i, value = 0;
                while (i < text.length() && i - start < 3 && text.charAt(i) >= '0' && text.charAt(i) <= '7') {
                    value = value * 8 + (text.charAt(i++) - '0');
                }
                if (i == start || value > 0xff) {
                    throw ApiProblem.invalidField(field, "must be octal escapes like \\371, or hex");
                }
                out.write(value);
            }
            return out.toByteArray();
        }
        try {
            return HEX.parseHex(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField(field, "must be octal escapes like \\371, or hex");
        }
    }
}
