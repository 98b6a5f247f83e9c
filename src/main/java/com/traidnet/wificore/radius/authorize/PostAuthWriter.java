package com.traidnet.wificore.radius.authorize;

import com.traidnet.wificore.radius.server.RadiusMetrics;
import com.traidnet.wificore.radius.server.RadiusSettings;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * radpostauth, written in batches off the packet path: every decision is queued and one
 * writer inserts up to {@code post-auth-batch} rows per tenant per statement. The log is
 * never allowed to slow authentication down: if the queue is full (the database is down
 * for minutes) rows are dropped and counted, and the Access-Accept still goes out.
 */
@Component
class PostAuthWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostAuthWriter.class);

    record Row(TenantId tenant, String username, boolean accepted, String reason, String nasIp, UUID nasId,
               String calledStationId, String callingStationId, Instant at) {
    }

    private final TenantGateway gateway;
    private final RadiusMetrics metrics;
    private final int batch;
    private final BlockingQueue<Row> queue = new ArrayBlockingQueue<>(200_000);
    private final Counter dropped;
    private volatile boolean running;
    private Thread writer;

    PostAuthWriter(TenantGateway gateway, RadiusMetrics metrics, RadiusSettings settings, MeterRegistry meters) {
        this.gateway = gateway;
        this.metrics = metrics;
        this.batch = settings.postAuthBatch();
        this.dropped = Counter.builder("wificore.radius.postauth.dropped")
                .description("post-auth rows dropped because the writer fell behind").register(meters);
    }

    void record(Row row) {
        if (!queue.offer(row)) {
            dropped.increment();
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        writer = Thread.ofPlatform().daemon().name("radius-postauth").start(this::writeForever);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (writer != null) {
            try {
                writer.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the RADIUS server, so the last decisions are written. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4096;
    }

    private void writeForever() {
        List<Row> rows = new ArrayList<>(batch);
        while (running || !queue.isEmpty()) {
            try {
                Row first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                rows.add(first);
                queue.drainTo(rows, batch - 1);
                write(rows);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("radpostauth: {} rows not written: {}", rows.size(), e.getMessage());
                dropped.increment(rows.size());
            } finally {
                rows.clear();
            }
        }
    }

    private void write(List<Row> rows) {
        Map<TenantId, List<Row>> byTenant = new LinkedHashMap<>();
        rows.forEach(r -> byTenant.computeIfAbsent(r.tenant(), t -> new ArrayList<>()).add(r));
        byTenant.forEach((tenant, list) -> {
            int n = list.size();
            String[] user = new String[n];
            String[] reply = new String[n];
            String[] reason = new String[n];
            String[] nasIp = new String[n];
            String[] nasId = new String[n];
            String[] called = new String[n];
            String[] calling = new String[n];
            double[] at = new double[n];
            for (int i = 0; i < n; i++) {
                Row r = list.get(i);
                user[i] = r.username();
                reply[i] = r.accepted() ? "Access-Accept" : "Access-Reject";
                reason[i] = r.reason();
                nasIp[i] = r.nasIp();
                nasId[i] = r.nasId() == null ? null : r.nasId().toString();
                called[i] = r.calledStationId();
                calling[i] = r.callingStationId();
                at[i] = r.at().toEpochMilli() / 1000.0;
            }
            try {
                gateway.inTenant(tenant, sql -> sql.sql("""
                            insert into radpostauth (username, reply, reason, nasipaddress, nas_id, calledstationid,
                                                     callingstationid, authdate)
                            select u, r, why, ip::inet, nas::uuid, called, calling, to_timestamp(at)
                            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                        ?::float8[]) as t(u, r, why, ip, nas, called, calling, at)""")
                        .params(user, reply, reason, nasIp, nasId, called, calling, at).update());
                metrics.batch("radpostauth", n);
            } catch (RuntimeException e) {
                // one tenant's trouble (say, deleted meanwhile) must not cost the others their rows
                log.warn("radpostauth for tenant {}: {} rows not written: {}", tenant, n, e.getMessage());
                dropped.increment(n);
            }
        });
    }
}
