package com.traidnet.wificore.partition;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When maintenance runs by itself: on {@code wificore.partitions.cron} (02:00 in the partition
 * zone by default) on every node — the advisory lock lets exactly one of them work — and once
 * at start-up when the last complete run is more than a day old (the node was down at 02:00, or
 * this is the first start). Absent in operator commands, which run no background work.
 */
@Component
@ConditionalOnProperty(name = "wificore.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class PartitionSchedule {

    private static final Logger log = LoggerFactory.getLogger(PartitionSchedule.class);
    static final Duration CATCH_UP_AFTER = Duration.ofDays(1);

    private final PartitionMaintenance maintenance;
    private final PartitionRuns runs;
    private final PartitionSettings settings;

    PartitionSchedule(PartitionMaintenance maintenance, PartitionRuns runs, PartitionSettings settings) {
        this.maintenance = maintenance;
        this.runs = runs;
        this.settings = settings;
    }

    @Scheduled(cron = "${wificore.partitions.cron:0 0 2 * * *}", zone = "${wificore.partitions.zone:UTC}")
    void daily() {
        run(MaintenanceRequest.Trigger.SCHEDULE);
    }

    /** Off the start-up thread: serving starts at once, the catch-up follows in the background. */
    @EventListener(ApplicationReadyEvent.class)
    void catchUpAtStartup() {
        if (settings.catchUp()) {
            Thread.ofVirtual().name("partitions-catch-up").start(this::catchUp);
        }
    }

    /** Runs a pass if the last complete one is older than a day; returns whether it ran. */
    boolean catchUp() {
        try {
            Optional<Instant> last = runs.lastCompleteRun();
            Instant now = maintenance.clock().instant();
            if (last.isPresent() && last.get().isAfter(now.minus(CATCH_UP_AFTER))) {
                return false;
            }
            log.info("partitions: last complete maintenance run {}; catching up now",
                    last.map(i -> "at " + i).orElse("never happened"));
            run(MaintenanceRequest.Trigger.STARTUP);
            return true;
        } catch (RuntimeException e) {
            log.error("partitions: start-up catch-up failed: {}", TablePass.rootMessage(e));
            return false;
        }
    }

    private void run(MaintenanceRequest.Trigger trigger) {
        try {
            maintenance.maintain(MaintenanceRequest.all(trigger));
        } catch (RuntimeException e) {
            log.error("partitions: {} maintenance run failed: {}", trigger.name().toLowerCase(), TablePass.rootMessage(e),
                    e);
        }
    }
}
