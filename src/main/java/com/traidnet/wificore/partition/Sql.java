package com.traidnet.wificore.partition;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * SQL text for DDL, which takes no bind parameters: identifiers are checked against a strict
 * pattern and quoted, timestamps are printed by us in UTC. Nothing from a request reaches here
 * unchecked.
 */
final class Sql {

    private static final Pattern IDENTIFIER = Pattern.compile("^[a-z_][a-z0-9_]{0,62}$");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx")
            .withZone(ZoneOffset.UTC);

    private Sql() {
    }

    static String identifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a safe SQL identifier: " + name);
        }
        return "\"" + name + "\"";
    }

    static String qualified(String schema, String name) {
        return identifier(schema) + "." + identifier(name);
    }

    /** A {@code timestamptz} literal with an explicit offset, e.g. {@code '2026-11-26 00:00:00+00:00'}. */
    static String timestamp(Instant instant) {
        return "'" + TIMESTAMP.format(instant) + "'";
    }
}
