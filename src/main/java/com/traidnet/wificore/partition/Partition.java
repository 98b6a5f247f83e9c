package com.traidnet.wificore.partition;

import java.time.Instant;

/**
 * A partition as the catalog shows it: {@code [from, to)}. Both are null when its bounds are not
 * plain timestamps ({@code MINVALUE}, {@code MAXVALUE}): someone else's partition, left alone.
 */
record Partition(String name, Instant from, Instant to) {

    boolean hasBounds() {
        return from != null && to != null;
    }

    boolean overlaps(Instant otherFrom, Instant otherTo) {
        return hasBounds() && from.isBefore(otherTo) && otherFrom.isBefore(to);
    }
}
