package com.traidnet.wificore.partition;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What exists of one managed table in one schema: its range partitions, its default partition
 * (null if it has none), the rows that partition holds counted per day of the configured zone,
 * and tables named like its day partitions that are not attached (a {@code keep=dump} retirement
 * interrupted between detaching and dumping).
 */
record TableState(List<Partition> partitions, String defaultPartition, Map<LocalDate, Long> defaultRowsByDay,
                  List<String> detached) {

    TableState {
        partitions = List.copyOf(partitions);
        defaultRowsByDay = Map.copyOf(defaultRowsByDay);
        detached = List.copyOf(detached);
    }

    TableState(List<Partition> partitions, String defaultPartition, Map<LocalDate, Long> defaultRowsByDay) {
        this(partitions, defaultPartition, defaultRowsByDay, List.of());
    }

    long rowsInDefault() {
        return defaultRowsByDay.values().stream().mapToLong(Long::longValue).sum();
    }
}
