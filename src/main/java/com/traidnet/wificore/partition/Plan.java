package com.traidnet.wificore.partition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What one maintenance pass does to one table in one schema, in this order: the creates (today
 * and the days ahead first, so new rows stop landing in the default partition as early as
 * possible, then past days the default partition holds rows of, newest first), then the
 * retires (oldest first). Warnings are things the plan left alone and a human should look at.
 *
 * @param rowsLeftInDefault rows the default partition keeps after this plan (no proper partition for them)
 */
record Plan(List<Create> creates, List<Retire> retires, List<String> warnings, long rowsLeftInDefault) {

    Plan {
        creates = List.copyOf(creates);
        retires = List.copyOf(retires);
        warnings = List.copyOf(warnings);
    }

    boolean isEmpty() {
        return creates.isEmpty() && retires.isEmpty();
    }

    /** A day partition to create, moving {@code rowsToMove} rows out of the default partition. */
    record Create(String name, LocalDate day, Instant from, Instant to, long rowsToMove) {
    }

    /**
     * A partition past retention, retired according to the table's keep mode; from and to are null
     * for a table already detached (an interrupted dump).
     */
    record Retire(String name, Instant from, Instant to) {
    }
}
