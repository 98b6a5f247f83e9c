package com.traidnet.wificore.hotspot;

import com.traidnet.wificore.platform.ApiProblem;

/**
 * Phone numbers as hotspot usernames: digits of the E.164 number without the plus
 * ({@code 254712345678}), the form M-Pesa reports payers in. Kenyan local forms
 * ({@code 0712 345 678}, {@code 712345678}, {@code +254 712…}) all become {@code 2547…}/{@code 2541…}.
 */
final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /** The normalised number, or an invalid-field problem naming {@code field}. */
    static String normalise(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw ApiProblem.invalidField(field, "is required");
        }
        String text = raw.strip();
        boolean plus = text.startsWith("+");
        String digits = text.replaceAll("[\\s().-]", "").replaceFirst("^\\+", "");
        if (!digits.matches("\\d+")) {
            throw ApiProblem.invalidField(field, "must be a phone number, e.g. 0712345678 or 254712345678");
        }
        if (digits.matches("0[17]\\d{8}")) {
            return "254" + digits.substring(1);
        }
        if (digits.matches("[17]\\d{8}")) {
            return "254" + digits;
        }
        if (digits.matches("254[17]\\d{8}")) {
            return digits;
        }
        if (plus && !digits.startsWith("254") && digits.matches("[1-9]\\d{7,14}")) {
            return digits; // another country, written in full international form
        }
        throw ApiProblem.invalidField(field, "must be a phone number, e.g. 0712345678 or 254712345678");
    }
}
