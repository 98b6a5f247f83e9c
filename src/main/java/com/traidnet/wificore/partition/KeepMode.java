package com.traidnet.wificore.partition;

import java.util.Locale;

/** What happens to a partition past retention. */
public enum KeepMode {
    /** Dropped: the data is gone. */
    DROP,
    /** Detached and moved into the archive schema, still queryable, never dropped by us. */
    DETACH,
    /** Written to a gzip CSV file under the dump directory ({@code COPY … TO STDOUT}), then dropped. */
    DUMP;

    static KeepMode parse(String word) {
        try {
            return valueOf(word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("keep must be drop, detach or dump, not '" + word + "'");
        }
    }

    String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
