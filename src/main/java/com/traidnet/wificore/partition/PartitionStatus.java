package com.traidnet.wificore.partition;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The state of one managed table in one schema after the last run that touched it.
 *
 * @param tenant         the tenant's slug, or {@code platform}
 * @param state          {@code ok}, {@code error} or {@code missing}
 * @param rowsInDefault  rows the default partition held after that run
 * @param rowsMoved      rows that run moved out of the default partition
 * @param lastSuccessAt  the last run that had no error on this table
 * @param lastError      the error of the last run, null if it had none
 * @param lastErrorAt    when this table last had an error
 */
public record PartitionStatus(UUID tenantId, String tenant, String schema, String table, String state,
                              int partitionCount, String oldestPartition, Instant oldestFrom,
                              String newestPartition, Instant newestTo, long rowsInDefault, long rowsMoved,
                              List<String> warnings, Instant lastRunAt, Instant lastSuccessAt, String lastError,
                              Instant lastErrorAt) {
}
