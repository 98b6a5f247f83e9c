package com.traidnet.wificore.radius.admin;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.radius.packet.Dictionary;

/** IP address query parameters, checked before they reach an {@code inet} cast. */
final class Addresses {

    private Addresses() {
    }

    /** The address as given, if it is an IPv4 or IPv6 literal (never resolved through DNS). */
    static String literal(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            // the dictionary's address parsers accept literals only
            Dictionary.standard().attribute(text.contains(":") ? "NAS-IPv6-Address" : "NAS-IP-Address", text.trim());
            return text.trim();
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField(field, "must be an IPv4 or IPv6 address");
        }
    }
}
