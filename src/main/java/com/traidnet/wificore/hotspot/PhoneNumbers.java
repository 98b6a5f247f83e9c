package com.traidnet.wificore.hotspot;

import com.traidnet.wificore.platform.ApiProblem;

import java.util.regex.Pattern;

/**
 * Phone numbers as hotspot usernames: digits of the E.164 number without the plus
 * ({@code 254712345678}), the form M-Pesa reports payers in. Kenyan local forms
 * ({@code 0712 345 678}, {@code 712345678}, {@code +254 712…}) all become {@code 2547…}/{@code 2541…}.
 */
final class PhoneNumbers {

    // compiled once: String.matches/replaceAll compile their pattern on every call, and every
    // payment settlement and portal request normalises a phone (bench/billing, session 13)
    private static final Pattern SEPARATORS = Pattern.compile("[\\s().-]");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern LOCAL_WITH_ZERO = Pattern.compile("0[17]\\d{8}");
    private static final Pattern LOCAL = Pattern.compile("[17]\\d{8}");
    private static final Pattern KENYAN = Pattern.compile("254[17]\\d{8}");
    private static final Pattern INTERNATIONAL = Pattern.compile("[1-9]\\d{7,14}");

    private PhoneNumbers() {
    }

    /** The normalised number, or an invalid-field problem naming {@code field}. */
    static String normalise(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw ApiProblem.invalidField(field, "is required");
        }
        String text = raw.strip();
        boolean plus = text.startsWith("+");
        String stripped = SEPARATORS.matcher(text).replaceAll("");
        String digits = stripped.startsWith("+") ? stripped.substring(1) : stripped;
        if (!DIGITS.matcher(digits).matches()) {
            throw ApiProblem.invalidField(field, "must be a phone number, e.g. 0712345678 or 254712345678");
        }
        if (LOCAL_WITH_ZERO.matcher(digits).matches()) {
            return "254" + digits.substring(1);
        }
        if (LOCAL.matcher(digits).matches()) {
            return "254" + digits;
        }
        if (KENYAN.matcher(digits).matches()) {
            return digits;
        }
        if (plus && !digits.startsWith("254") && INTERNATIONAL.matcher(digits).matches()) {
            return digits; // another country, written in full international form
        }
        throw ApiProblem.invalidField(field, "must be a phone number, e.g. 0712345678 or 254712345678");
    }

    /** The normalised number when {@code text} is one (e.g. a search box's contents), else null. */
    static String orNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return normalise(text, "q");
        } catch (ApiProblem e) {
            return null;
        }
    }
}
