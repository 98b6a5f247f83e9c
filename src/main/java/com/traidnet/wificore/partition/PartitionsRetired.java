package com.traidnet.wificore.partition;

import com.traidnet.wificore.tenant.TenantId;

import java.time.Instant;

/**
 * Day partitions of a managed table were retired (dropped, archived or dumped) in one pass:
 * rows of that table dated before {@code before} are no longer in it. Published after the
 * retirement committed, on the maintenance thread; a module with rows tied to that table's
 * retention (radacct_sessions to radacct) prunes them here. Listeners must not throw.
 *
 * @param tenant null for a table in {@code public}
 */
public record PartitionsRetired(TenantId tenant, String schema, String table, Instant before) {
}
