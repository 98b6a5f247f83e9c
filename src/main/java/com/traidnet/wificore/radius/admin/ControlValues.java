package com.traidnet.wificore.radius.admin;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.radius.authorize.ControlAttributes;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/** The shapes of control-attribute values, which the wire dictionary cannot check. */
final class ControlValues {

    private static final long UNSIGNED_32 = 0xFFFFFFFFL;
    private static final Pattern HEX = Pattern.compile("\\p{XDigit}+");
    /** RFC 2865 §5.2: a User-Password is at most 128 octets, so a longer one could never match. */
    private static final int MAX_CLEARTEXT = 128;
    private static final int SHA256_LENGTH = 32;

    private ControlValues() {
    }

    /** @throws IllegalArgumentException with the reason, for a value the server could not use */
    static void check(String name, String value) {
        switch (name) {
            case ControlAttributes.AUTH_TYPE -> {
                if (ControlAttributes.AUTH_TYPES.stream().noneMatch(value::equalsIgnoreCase)) {
                    throw new IllegalArgumentException("must be one of " + ControlAttributes.AUTH_TYPES);
                }
            }
            case ControlAttributes.EXPIRATION -> ControlAttributes.expiration(value);
            case ControlAttributes.SIMULTANEOUS_USE, ControlAttributes.MAX_ALL_SESSION -> number(value, UNSIGNED_32);
            case ControlAttributes.MAX_TOTAL_OCTETS -> number(value, Long.MAX_VALUE);
            default -> throw new IllegalArgumentException(name + " is not a check item here");
        }
    }

    /**
     * The radcheck row for a user's password, {@code op :=}.
     *
     * @param type null means Cleartext-Password
     */
    static AttributeRow password(String type, String password) {
        String name = type == null ? ControlAttributes.CLEARTEXT_PASSWORD : ControlAttributes.canonicalName(type)
                .filter(ControlAttributes::isPassword)
                .orElseThrow(() -> ApiProblem.invalidField("passwordType", "must be one of "
                        + ControlAttributes.passwordTypes()));
        if (password == null || password.isEmpty()) {
            throw ApiProblem.invalidField("password", "is required");
        }
        String problem = switch (name) {
            case ControlAttributes.CLEARTEXT_PASSWORD -> password.getBytes(StandardCharsets.UTF_8).length
                    > MAX_CLEARTEXT ? "must be at most " + MAX_CLEARTEXT + " bytes" : null;
            case ControlAttributes.NT_PASSWORD -> hex(password, 2 * 16) ? null : "must be 32 hex digits (MD4)";
            case ControlAttributes.SHA2_256_PASSWORD -> hex(password, 2 * SHA256_LENGTH) ? null
                    : "must be 64 hex digits (SHA-256)";
            default -> saltedSha256(password) ? null
                    : "must be SHA-256 digest + salt (at least 33 octets) as hex or base64";
        };
        if (problem != null) {
            throw ApiProblem.invalidField("password", problem);
        }
        return new AttributeRow(name, ":=", password);
    }

    private static void number(String value, long max) {
        long n;
        try {
            n = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number");
        }
        if (n < 0 || n > max) {
            throw new IllegalArgumentException("must be between 0 and " + max);
        }
    }

    private static boolean hex(String text, int length) {
        return text.length() == length && HEX.matcher(text).matches();
    }

    /** Decoded as radius.auth decodes it: hex when it is all hex digits, else base64. */
    private static boolean saltedSha256(String text) {
        if (text.length() > AttributeRules.MAX_VALUE) {
            return false;
        }
        if (text.length() % 2 == 0 && HEX.matcher(text).matches()) {
            return text.length() > 2 * SHA256_LENGTH;
        }
        try {
            return Base64.getDecoder().decode(text).length > SHA256_LENGTH;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
