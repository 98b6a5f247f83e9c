package com.traidnet.wificore.radius.authorize;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code Expiration} control attribute. FreeRADIUS writes it as "January 1 2027 00:00:00"
 * (also "Jan 01 2027"); we accept those, ISO-8601 (with or without offset) and epoch
 * seconds. Times without an offset are UTC.
 */
final class Expiration {

    private static final List<DateTimeFormatter> FORMATS = List.of(
            pattern("MMMM d yyyy[ HH:mm[:ss]]"),
            pattern("MMM d yyyy[ HH:mm[:ss]]"),
            pattern("d MMMM yyyy[ HH:mm[:ss]]"),
            pattern("d MMM yyyy[ HH:mm[:ss]]"));

    private Expiration() {
    }

    static Optional<Instant> parse(String text) {
        String value = text.trim().replaceAll("\\s+", " ").replace(",", "");
        if (value.matches("\\d{9,11}")) {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(value)));
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException ignored) {
            // next format
        }
        try {
            return Optional.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            // next format
        }
        try {
            return Optional.of(LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            // next format
        }
        for (DateTimeFormatter format : FORMATS) {
            try {
                var parsed = format.parse(value);
                LocalDate date = LocalDate.from(parsed);
                int hour = parsed.isSupported(java.time.temporal.ChronoField.HOUR_OF_DAY)
                        ? parsed.get(java.time.temporal.ChronoField.HOUR_OF_DAY) : 0;
                int minute = parsed.isSupported(java.time.temporal.ChronoField.MINUTE_OF_HOUR)
                        ? parsed.get(java.time.temporal.ChronoField.MINUTE_OF_HOUR) : 0;
                int second = parsed.isSupported(java.time.temporal.ChronoField.SECOND_OF_MINUTE)
                        ? parsed.get(java.time.temporal.ChronoField.SECOND_OF_MINUTE) : 0;
                return Optional.of(date.atTime(hour, minute, second).toInstant(ZoneOffset.UTC));
            } catch (java.time.DateTimeException ignored) {
                // next format
            }
        }
        return Optional.empty();
    }

    private static DateTimeFormatter pattern(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .toFormatter(Locale.ENGLISH);
    }
}
