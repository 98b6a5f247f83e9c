package com.traidnet.wificore.radius.accounting;

import com.traidnet.wificore.radius.server.RadiusSettings;
import com.traidnet.wificore.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Closes sessions whose NAS stopped reporting (power cut, lost Stop): silent for longer
 * than twice their observed interim interval (or the default) plus a grace. Looks at the
 * tenants this node has seen accounting for; with a UDP load balancer keeping a NAS on
 * one node, that is where its sessions are.
 */
@Component
class StaleSessionSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StaleSessionSweeper.class);

    private final AccountingStore store;
    private final AccountingWriter writer;
    private final ApplicationEventPublisher events;
    private final RadiusSettings settings;
    private final Clock clock;
    private ScheduledExecutorService timer;

    StaleSessionSweeper(AccountingStore store, AccountingWriter writer, ApplicationEventPublisher events,
                        RadiusSettings settings, Clock clock) {
        this.store = store;
        this.writer = writer;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** One sweep over the active tenants; returns how many sessions it closed. */
    int sweep() {
        int closed = 0;
        for (TenantId tenant : List.copyOf(writer.activeTenants())) {
            try {
                List<Object> stopped = store.closeStale(tenant, clock.instant(), settings.defaultInterimInterval(),
                        settings.staleGrace());
                stopped.forEach(events::publishEvent);
                closed += stopped.size();
            } catch (RuntimeException e) {
                log.warn("stale-session sweep of tenant {} failed: {}", tenant, e.getMessage());
            }
        }
        if (closed > 0) {
            log.info("closed {} stale RADIUS sessions", closed);
        }
        return closed;
    }

    @Override
    public synchronized void start() {
        long every = settings.staleSweepEvery().toMillis();
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("radius-stale").factory());
        timer.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
