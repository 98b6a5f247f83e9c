package com.traidnet.wificore.radius.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * PAP: the User-Password against a "known good" password stored under a FreeRADIUS
 * {@code radcheck} attribute, with rlm_pap semantics. Hashes may be stored as hex or base64;
 * salted schemes store digest + salt, the digest being H(password + salt).
 *
 * <p>Supported: Cleartext-Password, NT-Password, MD5-Password, SMD5-Password, SHA-Password
 * (SHA1-Password), SSHA-Password, SHA2-Password (SHA-224/256/384/512 by digest length),
 * SHA2-256-Password, SSHA2-224/256/384/512-Password.
 */
public final class PasswordCheck {

    /** digest == null: compare cleartext; "SHA-2": chosen by the stored length; "NT": MD4 of UTF-16LE. */
    private record Scheme(String digest, int digestLength, boolean salted) {
        int minLength() {
            return digestLength + (salted ? 1 : 0);
        }
    }

    private static final Scheme CLEARTEXT = new Scheme(null, 0, false);
    private static final Scheme NT = new Scheme("NT", 16, false);
    private static final Map<String, Scheme> SCHEMES = Map.ofEntries(
            Map.entry("cleartext-password", CLEARTEXT),
            Map.entry("nt-password", NT),
            Map.entry("md5-password", new Scheme("MD5", 16, false)),
            Map.entry("smd5-password", new Scheme("MD5", 16, true)),
            Map.entry("sha-password", new Scheme("SHA-1", 20, false)),
            Map.entry("sha1-password", new Scheme("SHA-1", 20, false)),
            Map.entry("ssha-password", new Scheme("SHA-1", 20, true)),
            Map.entry("sha2-password", new Scheme("SHA-2", 28, false)),
            Map.entry("sha2-256-password", new Scheme("SHA-256", 32, false)),
            Map.entry("ssha2-224-password", new Scheme("SHA-224", 28, true)),
            Map.entry("ssha2-256-password", new Scheme("SHA-256", 32, true)),
            Map.entry("ssha2-384-password", new Scheme("SHA-384", 48, true)),
            Map.entry("ssha2-512-password", new Scheme("SHA-512", 64, true)));

    private PasswordCheck() {
    }

    /** True when {@code attribute} (e.g. "SSHA2-256-Password") is a known-good password we can check. */
    public static boolean supports(String attribute) {
        return SCHEMES.containsKey(attribute.toLowerCase(Locale.ROOT));
    }

    /**
     * True when {@code userPassword} (the unhidden User-Password) matches {@code knownGood}.
     * Comparisons take constant time; a malformed stored value never matches.
     *
     * @throws IllegalArgumentException for an attribute {@link #supports} does not know
     */
    public static boolean matches(String attribute, String knownGood, byte[] userPassword) {
        Scheme scheme = scheme(attribute);
        if (scheme == CLEARTEXT) {
            return MessageDigest.isEqual(knownGood.getBytes(StandardCharsets.UTF_8), userPassword);
        }
        byte[] good = KnownGood.normalise(knownGood.trim(), scheme.minLength());
        int digestLength = scheme.digest().equals("SHA-2") ? good.length : scheme.digestLength();
        if (scheme.salted() ? good.length <= digestLength : good.length != digestLength) {
            return false;
        }
        Optional<byte[]> digest = digest(scheme, digestLength, userPassword,
                Arrays.copyOfRange(good, digestLength, good.length));
        return digest.isPresent() && MessageDigest.isEqual(digest.get(), Arrays.copyOf(good, digestLength));
    }

    /**
     * The NT password hash MS-CHAPv2 needs, from a Cleartext-Password or an NT-Password;
     * empty for every other scheme (one-way hashes cannot give it) or a malformed NT-Password.
     */
    public static Optional<byte[]> ntPasswordHash(String attribute, String knownGood) {
        Scheme scheme = scheme(attribute);
        if (scheme == CLEARTEXT) {
            return Optional.of(NtResponse.ntPasswordHash(knownGood));
        }
        if (scheme == NT) {
            byte[] hash = KnownGood.normalise(knownGood.trim(), 16);
            return hash.length == 16 ? Optional.of(hash) : Optional.empty();
        }
        return Optional.empty();
    }

    /** The cleartext CHAP needs, from a Cleartext-Password; empty for every hashed scheme. */
    public static Optional<byte[]> cleartext(String attribute, String knownGood) {
        return scheme(attribute) == CLEARTEXT
                ? Optional.of(knownGood.getBytes(StandardCharsets.UTF_8))
                : Optional.empty();
    }

    private static Optional<byte[]> digest(Scheme scheme, int digestLength, byte[] password, byte[] salt) {
        return switch (scheme.digest()) {
            case "NT" -> Optional.of(NtResponse.ntPasswordHash(new String(password, StandardCharsets.UTF_8)));
            case "SHA-2" -> switch (digestLength) {
                case 28, 32, 48, 64 -> Optional.of(Digests.digest("SHA-" + digestLength * 8, password));
                default -> Optional.empty();
            };
            default -> Optional.of(Digests.digest(scheme.digest(), password, salt));
        };
    }

    private static Scheme scheme(String attribute) {
        Scheme scheme = SCHEMES.get(attribute.toLowerCase(Locale.ROOT));
        if (scheme == null) {
            throw new IllegalArgumentException("no password check for " + attribute);
        }
        return scheme;
    }
}
