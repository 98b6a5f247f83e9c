package com.traidnet.wificore.hotspot;

import java.security.SecureRandom;

/**
 * Random voucher codes and passwords people read off paper and type on a phone: no
 * look-alike characters (no 0/O, 1/I/L; passwords lower-case without o, i, l either).
 */
final class Codes {

    static final String VOUCHER_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    /** The same letters typed in lower case (a prefix is accepted either way and stored upper-case). */
    static final String VOUCHER_ALPHABET_LOWER = "abcdefghjkmnpqrstuvwxyz";
    static final String PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    static final int PASSWORD_LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Codes() {
    }

    static String voucher(String prefix, int length) {
        return prefix + random(VOUCHER_ALPHABET, length);
    }

    static String password() {
        return random(PASSWORD_ALPHABET, PASSWORD_LENGTH);
    }

    /** What a person typed, in the form codes are stored in: upper case, no spaces or dashes. */
    static String normaliseVoucher(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
    }

    private static String random(String alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet.charAt(RANDOM.nextInt(alphabet.length()));
        }
        return new String(out);
    }
}
