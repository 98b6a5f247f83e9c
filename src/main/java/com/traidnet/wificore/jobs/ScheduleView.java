package com.traidnet.wificore.jobs;

import java.time.Instant;
import java.util.UUID;

/** A recurring job's schedule row. */
record ScheduleView(String name, String cron, String zone, Instant nextFireAt, Instant lastFireAt, UUID lastJobId) {
}
