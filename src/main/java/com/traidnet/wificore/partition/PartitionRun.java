package com.traidnet.wificore.partition;

import java.time.Instant;

/**
 * One maintenance run as recorded.
 *
 * @param trigger  schedule, startup, cli, tenant, api or test
 * @param scope    {@code all}, or the slug of the one tenant
 * @param status   running, succeeded (tables may still have errors: see {@code errors}) or failed
 */
public record PartitionRun(long id, Instant startedAt, Instant finishedAt, String trigger, String scope, String node,
                           String status, int tables, int created, int retired, long rowsMoved, int errors,
                           String error) {
}
