package com.traidnet.wificore.water;

import com.traidnet.wificore.jobs.JobContext;
import com.traidnet.wificore.jobs.JobHandler;
import com.traidnet.wificore.partition.MaintenanceRequest;
import com.traidnet.wificore.partition.PartitionMaintenance;
import com.traidnet.wificore.partition.PartitionsRetired;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * Keeps {@code water_transactions} in day partitions when dispenses arrive late. A dispense is
 * partitioned by the day its water flowed; a device back after days offline may upload days that
 * have no partition (older than the ones maintenance keeps). Those rows land in the default
 * partition, and the booking enqueues one {@link Place} job per tenant per minute, which runs the
 * partition module's pass for that tenant: it creates each such day's partition and moves the
 * rows into it. The keys that make bookings idempotent follow the table's retention.
 */
@Component
class LatePartitions implements JobHandler<LatePartitions.Place> {

    private static final Logger log = LoggerFactory.getLogger(LatePartitions.class);

    /** Give the job's tenant's default-partition rows their own day partitions. */
    record Place() {
    }

    private final PartitionMaintenance maintenance;
    private final Tenants tenants;
    private final TenantGateway gateway;

    LatePartitions(PartitionMaintenance maintenance, Tenants tenants, TenantGateway gateway) {
        this.maintenance = maintenance;
        this.tenants = tenants;
        this.gateway = gateway;
    }

    @Override
    public Class<Place> type() {
        return Place.class;
    }

    @Override
    public void handle(Place payload, JobContext context) {
        var tenant = context.tenantId().flatMap(tenants::find).orElse(null);
        if (tenant == null) {
            return; // the tenant is gone
        }
        var report = maintenance.maintain(new MaintenanceRequest(MaintenanceRequest.Trigger.TENANT, tenant.slug(), false));
        log.debug("late water dispenses placed for {}: {}", tenant.slug(), report);
    }

    /** Sequence blocks whose newest dispense is in a retired day go with it: those cannot be uploaded again anyway (too old). */
    @EventListener
    void on(PartitionsRetired retired) {
        if (retired.tenant() == null || !"water_transactions".equals(retired.table())) {
            return;
        }
        try {
            int pruned = gateway.inTenant(retired.tenant(), sql -> sql.sql(
                    "delete from water_dispense_seqs where last_at < ?").param(Timestamp.from(retired.before())).update());
            log.debug("pruned {} water dispense sequence blocks before {} in {}", pruned, retired.before(), retired.schema());
        } catch (RuntimeException e) {
            log.warn("could not prune water dispense sequence blocks of {}: {}", retired.schema(), e.getMessage());
        }
    }
}
