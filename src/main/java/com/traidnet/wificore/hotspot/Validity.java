package com.traidnet.wificore.hotspot;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * How long a package lasts: a value and a unit. Months are calendar months in UTC (Jan 31 +
 * 1 month = Feb 28/29, as {@link java.time.ZonedDateTime#plusMonths} does), so a monthly
 * PPPoE bill falls due on the same day of the month.
 */
record Validity(int value, Unit unit) {

    enum Unit {
        MINUTES, HOURS, DAYS, MONTHS;

        static Unit of(String text) {
            return valueOf(text.toUpperCase(java.util.Locale.ROOT));
        }

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    Validity {
        if (value <= 0) {
            throw new IllegalArgumentException("validity must be positive: " + value);
        }
    }

    Instant addTo(Instant start) {
        return switch (unit) {
            case MINUTES -> start.plus(value, ChronoUnit.MINUTES);
            case HOURS -> start.plus(value, ChronoUnit.HOURS);
            case DAYS -> start.plus(value, ChronoUnit.DAYS);
            case MONTHS -> start.atZone(ZoneOffset.UTC).plusMonths(value).toInstant();
        };
    }

    /** An extension runs from the current expiry if it is still ahead, else from now: paid time is never lost. */
    Instant extend(Instant currentExpiry, Instant now) {
        return addTo(currentExpiry != null && currentExpiry.isAfter(now) ? currentExpiry : now);
    }

    String text() {
        return value + " " + (value == 1 ? unit.id().substring(0, unit.id().length() - 1) : unit.id());
    }
}
