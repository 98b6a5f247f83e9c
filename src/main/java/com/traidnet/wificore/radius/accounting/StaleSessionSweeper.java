package com.traidnet.wificore.radius.accounting;

import com.traidnet.wificore.radius.RadiusSessionStopped;
import com.traidnet.wificore.radius.server.RadiusSettings;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

    private final TenantGateway gateway;
    private final AccountingWriter writer;
    private final ApplicationEventPublisher events;
    private final RadiusSettings settings;
    private final Clock clock;
    private ScheduledExecutorService timer;

    StaleSessionSweeper(TenantGateway gateway, AccountingWriter writer, ApplicationEventPublisher events,
                        RadiusSettings settings, Clock clock) {
        this.gateway = gateway;
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
                List<Object> stopped = closeStale(tenant, clock.instant(), settings.defaultInterimInterval(),
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

    /** Closes sessions silent for longer than twice their interim interval plus a grace. */
    private List<Object> closeStale(TenantId tenant, Instant now, Duration defaultInterval, Duration grace) {
        return gateway.inTenant(tenant, sql -> sql.sql("""
                        with stale as (
                            select s.acctuniqueid, r.radacctid, r.acctstarttime,
                                   coalesce(r.acctupdatetime, r.acctstarttime) as last_seen
                            from radacct_sessions s
                            join radacct r on r.radacctid = s.radacctid and r.acctstarttime = s.acctstarttime
                            where s.acctstoptime is null and r.acctstoptime is null
                              and coalesce(r.acctupdatetime, r.acctstarttime)
                                  < :now::timestamptz
                                    - (2 * coalesce(nullif(r.acctinterval, 0), :interval::bigint) + :grace::bigint)
                                      * interval '1 second'
                            for update of s skip locked),
                        closed_s as (
                            update radacct_sessions s set acctstoptime = stale.last_seen, acctupdatetime = stale.last_seen
                            from stale where s.acctuniqueid = stale.acctuniqueid)
                        update radacct r set acctstoptime = stale.last_seen, acctterminatecause = 'Stale-Session'
                        from stale
                        where r.radacctid = stale.radacctid and r.acctstarttime = stale.acctstarttime
                        returning r.radacctid, r.acctsessionid, r.username, host(r.nasipaddress), r.acctstoptime,
                                  coalesce(r.acctsessiontime, 0), coalesce(r.acctinputoctets, 0),
                                  coalesce(r.acctoutputoctets, 0)""")
                .param("now", Timestamp.from(now)).param("interval", defaultInterval.toSeconds())
                .param("grace", grace.toSeconds())
                .query((rs, i) -> (Object) new RadiusSessionStopped(tenant, rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getLong(6), rs.getLong(7),
                        rs.getLong(8), "Stale-Session"))
                .list());
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
