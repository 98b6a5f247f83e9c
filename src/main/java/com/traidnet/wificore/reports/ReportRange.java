package com.traidnet.wificore.reports;

import com.traidnet.wificore.platform.ApiProblem;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The days a report covers: {@code from} and {@code to} inclusive, as dates in {@code zone} (the tenant's time
 * zone, UTC until it sets one), i.e. the instants {@code [from 00:00, to + 1 day 00:00)} there.
 */
record ReportRange(LocalDate from, LocalDate to, ZoneId zone) {

    static final int MAX_DAYS = 366;
    static final int DEFAULT_DAYS = 30;
    static final ZoneId ZONE = ZoneId.of("UTC");

    /** From query parameters; missing ones default to the last {@value #DEFAULT_DAYS} days up to today in zone. */
    static ReportRange parse(String from, String to, Clock clock, ZoneId zone) {
        LocalDate last = to == null || to.isBlank() ? LocalDate.now(clock.withZone(zone)) : date("to", to);
        LocalDate first = from == null || from.isBlank() ? last.minusDays(DEFAULT_DAYS - 1) : date("from", from);
        if (first.isAfter(last)) {
            throw ApiProblem.invalidField("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
            throw ApiProblem.invalidField("to", "a range covers at most " + MAX_DAYS + " days");
        }
        return new ReportRange(first, last, zone);
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(field, "must be an ISO date like 2026-01-31");
        }
    }

    Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** {@code :start} and {@code :end} (exclusive) for a query. */
    Map<String, Object> params() {
        return Map.of("start", start().atOffset(ZoneOffset.UTC), "end", end().atOffset(ZoneOffset.UTC));
    }

    /** Exclusive. */
    Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
