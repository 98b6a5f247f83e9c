package com.traidnet.wificore.partition;

import java.time.LocalDate;

/**
 * Asks for one maintenance pass.
 *
 * @param trigger    who asked (recorded with the run)
 * @param tenantSlug only this tenant's schema; null for every tenant and the platform's own tables
 * @param dryRun     plan and report only: nothing is changed or recorded
 * @param asOf       plan as if today were this day, which must not be later than today (rehearsals,
 *                   benchmarks: an earlier day only creates older partitions and retires less); null = today
 */
public record MaintenanceRequest(Trigger trigger, String tenantSlug, boolean dryRun, LocalDate asOf) {

    public MaintenanceRequest {
        if (trigger == null) {
            throw new IllegalArgumentException("trigger is required");
        }
    }

    public MaintenanceRequest(Trigger trigger, String tenantSlug, boolean dryRun) {
        this(trigger, tenantSlug, dryRun, null);
    }

    public static MaintenanceRequest all(Trigger trigger) {
        return new MaintenanceRequest(trigger, null, false);
    }

    /** Who started a run. */
    public enum Trigger {
        SCHEDULE, STARTUP, CLI, TENANT, API, TEST;

        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
