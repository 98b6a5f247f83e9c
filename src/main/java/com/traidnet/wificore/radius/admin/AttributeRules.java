package com.traidnet.wificore.radius.admin;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.radius.authorize.ControlAttributes;
import com.traidnet.wificore.radius.packet.AttributeDefinition;
import com.traidnet.wificore.radius.packet.Dictionary;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Check and reply items as the server will read them: names it knows (a control attribute
 * or one in the wire dictionary, stored in their canonical spelling), FreeRADIUS operators,
 * and values that parse as the attribute's type. Errors name the request field at fault.
 */
final class AttributeRules {

    /** RFC 2865 §5: an attribute value is at most 253 octets. */
    static final int MAX_VALUE = 253;
    /** Reply lists only set or add attributes; comparisons belong in check lists. */
    private static final Set<String> REPLY_OPERATORS = Set.of("=", ":=", "+=");
    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("\\p{Cc}");
    private static final Dictionary DICTIONARY = Dictionary.standard();

    private AttributeRules() {
    }

    /** A username or group name: 1–253 characters, none of them control characters. */
    static String name(String value, String field) {
        if (value == null || value.isEmpty() || value.length() > MAX_VALUE) {
            throw ApiProblem.invalidField(field, "must be 1 to " + MAX_VALUE + " characters");
        }
        if (CONTROL_CHARACTERS.matcher(value).find()) {
            throw ApiProblem.invalidField(field, "must not contain control characters");
        }
        return value;
    }

    /** Check items; a missing op is {@code :=} for control attributes and {@code ==} (compare) otherwise. */
    static List<AttributeRow> check(List<AttributeRow> rows, String field) {
        var valid = new ArrayList<AttributeRow>();
        for (int i = 0; i < size(rows); i++) {
            String at = field + "[" + i + "]";
            AttributeRow row = rows.get(i);
            String name = canonicalName(row.attribute(), at + ".attribute");
            if (ControlAttributes.isPassword(name) || name.equalsIgnoreCase("User-Password")) {
                throw ApiProblem.invalidField(at + ".attribute", "passwords are not check items here: set a user's"
                        + " password with password and passwordType");
            }
            boolean control = ControlAttributes.isControl(name);
            String op = op(row.op(), control ? ":=" : "==", ControlAttributes.OPERATORS, at + ".op");
            valid.add(new AttributeRow(name, op, value(name, op, row.value(), at + ".value")));
        }
        return List.copyOf(valid);
    }

    /** Reply items: wire attributes only; a missing op is {@code =}. */
    static List<AttributeRow> reply(List<AttributeRow> rows, String field) {
        var valid = new ArrayList<AttributeRow>();
        for (int i = 0; i < size(rows); i++) {
            String at = field + "[" + i + "]";
            AttributeRow row = rows.get(i);
            String name = canonicalName(row.attribute(), at + ".attribute");
            if (ControlAttributes.isControl(name)) {
                throw ApiProblem.invalidField(at + ".attribute", name + " is a check-only (control) attribute;"
                        + " it never goes in a reply");
            }
            String op = op(row.op(), "=", REPLY_OPERATORS, at + ".op");
            valid.add(new AttributeRow(name, op, value(name, op, row.value(), at + ".value")));
        }
        return List.copyOf(valid);
    }

    private static int size(List<AttributeRow> rows) {
        return rows == null ? 0 : rows.size();
    }

    private static String canonicalName(String name, String field) {
        if (name == null || name.isBlank()) {
            throw ApiProblem.invalidField(field, "is required");
        }
        return ControlAttributes.canonicalName(name.trim())
                .or(() -> DICTIONARY.definition(name.trim()).map(AttributeDefinition::name))
                .orElseThrow(() -> ApiProblem.invalidField(field, "unknown attribute '" + name
                        + "': neither a control attribute nor in the RADIUS dictionary"));
    }

    private static String op(String op, String fallback, Set<String> allowed, String field) {
        if (op == null || op.isBlank()) {
            return fallback;
        }
        if (!allowed.contains(op.trim())) {
            throw ApiProblem.invalidField(field, "unknown operator '" + op + "' (allowed here: "
                    + String.join(" ", allowed.stream().sorted().toList()) + ")");
        }
        return op.trim();
    }

    private static String value(String name, String op, String value, String field) {
        String text = value == null ? "" : value;
        if (text.length() > MAX_VALUE) {
            throw ApiProblem.invalidField(field, "must be at most " + MAX_VALUE + " characters");
        }
        try {
            if (op.equals("=~") || op.equals("!~")) {
                Pattern.compile(text); // a regular expression, not a value of the attribute's type
            } else if (ControlAttributes.isControl(name)) {
                ControlValues.check(name, text);
            } else {
                DICTIONARY.attribute(name, text);
            }
        } catch (PatternSyntaxException e) {
            throw ApiProblem.invalidField(field, "not a valid regular expression: " + e.getDescription());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField(field, e.getMessage());
        }
        return text;
    }
}
