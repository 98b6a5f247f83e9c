package com.traidnet.wificore.water;

import com.traidnet.wificore.platform.ApiProblem;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** A customer's details, for creation (card or phone required) and PATCH (null = unchanged). */
record CustomerRequest(@Size(max = 100) String name,
                       @Size(min = 1, max = 64) @Pattern(regexp = "[A-Za-z0-9:_.-]+",
                               message = "letters, digits and : _ . - only") String cardId,
                       @Size(max = 32) String phone,
                       @Pattern(regexp = "active|blocked", message = "must be active or blocked") String status,
                       @DecimalMin("0") @DecimalMax("1000000") @Digits(integer = 10, fraction = 3)
                       BigDecimal creditLimit) {

    /** Kenyan mobile numbers become 2547…/2541… (the form M-Pesa reports); others must be full international. */
    static String phone(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String digits = raw.strip().replaceAll("[\\s().-]", "");
        boolean plus = digits.startsWith("+");
        digits = plus ? digits.substring(1) : digits;
        if (digits.matches("0[17]\\d{8}")) {
            return "254" + digits.substring(1);
        }
        if (digits.matches("254[17]\\d{8}")) {
            return digits;
        }
        if (plus && digits.matches("[1-9]\\d{7,14}")) {
            return digits;
        }
        throw ApiProblem.invalidField("phone", "must be a phone number, e.g. 0712345678 or 254712345678");
    }
}
