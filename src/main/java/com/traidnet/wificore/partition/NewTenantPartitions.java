package com.traidnet.wificore.partition;

import com.traidnet.wificore.tenant.TenantCreated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A new tenant gets its day partitions at creation, so its first RADIUS rows land in proper
 * partitions, not the default one. A failure here never fails the signup: it is logged and
 * recorded in the tenant's partition status, and the nightly run makes up for it.
 */
@Component
class NewTenantPartitions {

    private static final Logger log = LoggerFactory.getLogger(NewTenantPartitions.class);

    private final PartitionMaintenance maintenance;
    private final PartitionSettings settings;

    NewTenantPartitions(PartitionMaintenance maintenance, PartitionSettings settings) {
        this.maintenance = maintenance;
        this.settings = settings;
    }

    @EventListener
    void on(TenantCreated created) {
        if (!settings.onTenantCreation()) {
            return;
        }
        try {
            var report = maintenance.maintain(
                    new MaintenanceRequest(MaintenanceRequest.Trigger.TENANT, created.slug(), false));
            if (report.errors() > 0) {
                log.warn("partitions for new tenant {}: {} table(s) with errors; the next run retries",
                        created.slug(), report.errors());
            }
        } catch (RuntimeException e) {
            log.error("partitions for new tenant {} could not be created; the next run retries: {}",
                    created.slug(), TablePass.rootMessage(e));
        }
    }
}
