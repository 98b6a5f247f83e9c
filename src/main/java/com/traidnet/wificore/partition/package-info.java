/**
 * Daily partitions and their upkeep (ARCHITECTURE §4). Each time-partitioned table —
 * {@code radacct}, {@code radpostauth} in every tenant schema, {@code jobs} in {@code public},
 * later {@code water_transactions} — is one line of configuration ({@link
 * com.traidnet.wificore.partition.ManagedTable}). Maintenance keeps the coming days created,
 * moves rows the default partition caught into proper partitions, and drops, archives or
 * dumps partitions past retention: daily on one node (advisory lock), at start-up if a run
 * was missed, for a new tenant at its creation, and on demand ({@code partitions maintain}).
 * The plan is a pure function ({@code PartitionPlanner}); the executor only carries it out,
 * step by step, each step idempotent and in a short transaction with a lock timeout.
 */
package com.traidnet.wificore.partition;
