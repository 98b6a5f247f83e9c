package com.traidnet.wificore.partition;

import java.util.regex.Pattern;

/**
 * One partitioned table under maintenance, written as one line of configuration:
 * <pre>
 *   &lt;tenant|platform&gt; &lt;table&gt; &lt;time column&gt; [premake=7] [retention=90] [keep=drop|detach|dump]
 * </pre>
 * e.g. {@code tenant radacct acctstarttime} or {@code tenant water_transactions dispensed_at retention=365 keep=dump}.
 * The table must already be {@code PARTITION BY RANGE (<time column>)} (a migration creates it,
 * normally with a {@code DEFAULT} partition); maintenance only adds and retires day partitions.
 *
 * @param kind          in every tenant schema, or in {@code public}
 * @param table         the partitioned table; its day partitions are {@code <table>_pYYYYMMDD}
 * @param column        the partition key, a {@code timestamptz}
 * @param premakeDays   days after today kept created (today is always created)
 * @param retentionDays days before today kept; a partition that ends at or before the start of
 *                      (today − retention) is retired
 * @param keep          what retiring means
 */
public record ManagedTable(SchemaKind kind, String table, String column, int premakeDays, int retentionDays,
                           KeepMode keep) {

    public static final int DEFAULT_PREMAKE_DAYS = 7;
    public static final int DEFAULT_RETENTION_DAYS = 90;
    private static final Pattern IDENTIFIER = Pattern.compile("^[a-z_][a-z0-9_]*$");
    /** {@code <table>_pYYYYMMDD} must fit PostgreSQL's 63-byte identifiers. */
    private static final int MAX_TABLE_NAME = 63 - "_p20261126".length();

    public ManagedTable {
        if (kind == null || keep == null) {
            throw new IllegalArgumentException("schema kind and keep mode are required");
        }
        requireIdentifier(table, MAX_TABLE_NAME, "table");
        requireIdentifier(column, 63, "column");
        if (premakeDays < 0 || premakeDays > 366) {
            throw new IllegalArgumentException(table + ": premake must be 0..366 days, not " + premakeDays);
        }
        if (retentionDays < 0 || retentionDays > 36_500) {
            throw new IllegalArgumentException(table + ": retention must be 0..36500 days, not " + retentionDays);
        }
    }

    /** Parses one configuration line; the message of the exception names what is wrong. */
    public static ManagedTable parse(String line) {
        String[] words = line == null ? new String[0] : line.trim().split("\\s+");
        if (words.length < 3) {
            throw new IllegalArgumentException("a managed table is '<tenant|platform> <table> <column>"
                    + " [premake=N] [retention=N] [keep=drop|detach|dump]', not '" + line + "'");
        }
        int premake = DEFAULT_PREMAKE_DAYS;
        int retention = DEFAULT_RETENTION_DAYS;
        KeepMode keep = KeepMode.DROP;
        for (int i = 3; i < words.length; i++) {
            String[] option = words[i].split("=", 2);
            String value = option.length == 2 ? option[1] : "";
            switch (option[0]) {
                case "premake" -> premake = days(value, words[i]);
                case "retention" -> retention = days(value, words[i]);
                case "keep" -> keep = KeepMode.parse(value);
                default -> throw new IllegalArgumentException("unknown option '" + words[i] + "' in '" + line.trim()
                        + "' (premake=, retention=, keep=)");
            }
        }
        return new ManagedTable(SchemaKind.parse(words[0]), words[1], words[2], premake, retention, keep);
    }

    /** The line this table would be configured with. */
    public String line() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + table + " " + column + " premake=" + premakeDays
                + " retention=" + retentionDays + " keep=" + keep.word();
    }

    private static int days(String value, String word) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + word + "' needs a number of days");
        }
    }

    private static void requireIdentifier(String name, int maxLength, String what) {
        if (name == null || !IDENTIFIER.matcher(name).matches() || name.length() > maxLength) {
            throw new IllegalArgumentException(what + " must be a lower-case SQL identifier of at most " + maxLength
                    + " characters, not '" + name + "'");
        }
    }
}
