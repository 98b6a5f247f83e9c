package com.traidnet.wificore.reports;

import java.time.LocalDate;
import java.util.List;

/** A report over days: the inclusive range, the zone its dates are in, and the rows. */
record RangeReport<T>(LocalDate from, LocalDate to, String zone, List<T> rows) {

    static <T> RangeReport<T> of(ReportRange range, List<T> rows) {
        return new RangeReport<>(range.from(), range.to(), range.zone().getId(), rows);
    }
}
