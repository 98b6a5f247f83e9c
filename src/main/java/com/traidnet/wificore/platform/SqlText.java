package com.traidnet.wificore.platform;

import java.util.Locale;

/** Helpers for building SQL parameter values (never SQL text). */
public final class SqlText {

    private SqlText() {
    }

    /**
     * A lower-case {@code LIKE} pattern matching values that contain {@code query}, with
     * {@code %}, {@code _} and {@code \} escaped (PostgreSQL's default LIKE escape is
     * backslash); {@code %} (everything) for a blank query.
     */
    public static String containsPattern(String query) {
        if (query == null || query.isBlank()) {
            return "%";
        }
        String escaped = query.trim().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
