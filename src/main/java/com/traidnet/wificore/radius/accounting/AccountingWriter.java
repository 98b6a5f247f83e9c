package com.traidnet.wificore.radius.accounting;

import com.traidnet.wificore.radius.server.RadiusMetrics;
import com.traidnet.wificore.radius.server.RadiusSettings;
import com.traidnet.wificore.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Group commit for accounting. Packets queue in lanes (a session always hashes to the same
 * lane, so its packets are written in order and never race each other); each lane's thread
 * takes whatever has queued up — up to {@code accounting-batch} — and writes it per tenant
 * in one transaction. Only after the commit are the futures completed, so the
 * Accounting-Response goes out for durable records only (RFC 2866 §2). The busier the
 * server, the bigger the batches and the fewer commits per packet. A batch that fails is
 * retried packet by packet, so one bad record costs only its own answer.
 */
@Component
class AccountingWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AccountingWriter.class);

    private record Pending(TenantId tenant, AccountingRecord record, CompletableFuture<Boolean> done) {
    }

    private final AccountingStore store;
    private final RadiusMetrics metrics;
    private final ApplicationEventPublisher events;
    private final int batch;
    private final List<BlockingQueue<Pending>> lanes = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    /** Tenants with accounting on this node: the stale sweep looks at these. */
    private final Set<TenantId> activeTenants = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    AccountingWriter(AccountingStore store, RadiusMetrics metrics, ApplicationEventPublisher events,
                     RadiusSettings settings) {
        this.store = store;
        this.metrics = metrics;
        this.events = events;
        this.batch = settings.accountingBatch();
        int perLane = Math.max(1, settings.accountingQueue() / settings.accountingWriters());
        for (int i = 0; i < settings.accountingWriters(); i++) {
            lanes.add(new ArrayBlockingQueue<>(perLane));
        }
    }

    /**
     * Queues a record; the future completes with true once it is committed, with false if the
     * queue is full (answer nothing: the NAS will retransmit), exceptionally if it cannot be written.
     */
    CompletableFuture<Boolean> submit(TenantId tenant, AccountingRecord record) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        String key = record.status().nasWide() ? record.nasIp() : record.uniqueId();
        BlockingQueue<Pending> lane = lanes.get(Math.floorMod(key == null ? 0 : key.hashCode(), lanes.size()));
        if (!running || !lane.offer(new Pending(tenant, record, done))) {
            done.complete(false);
        } else {
            activeTenants.add(tenant);
        }
        return done;
    }

    Set<TenantId> activeTenants() {
        return activeTenants;
    }

    @Override
    public synchronized void start() {
        running = true;
        for (int i = 0; i < lanes.size(); i++) {
            BlockingQueue<Pending> lane = lanes.get(i);
            threads.add(Thread.ofPlatform().daemon().name("radius-acct-" + i).start(() -> drain(lane)));
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the RADIUS server so everything accepted gets written. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4096;
    }

    private void drain(BlockingQueue<Pending> lane) {
        List<Pending> taken = new ArrayList<>(batch);
        while (running || !lane.isEmpty()) {
            try {
                Pending first = lane.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                taken.add(first);
                lane.drainTo(taken, batch - 1);
                write(taken);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                taken.forEach(p -> p.done().complete(false));
                return;
            } finally {
                taken.clear();
            }
        }
    }

    private void write(List<Pending> taken) {
        Map<TenantId, List<Pending>> byTenant = new LinkedHashMap<>();
        taken.forEach(p -> byTenant.computeIfAbsent(p.tenant(), t -> new ArrayList<>()).add(p));
        byTenant.forEach((tenant, pending) -> {
            try {
                List<Object> published = store.write(tenant, pending.stream().map(Pending::record).toList());
                metrics.batch("radacct", pending.size());
                pending.forEach(p -> p.done().complete(true));
                publish(published);
            } catch (RuntimeException e) {
                if (pending.size() == 1) {
                    log.warn("accounting record for tenant {} not written: {}", tenant, e.getMessage());
                    pending.getFirst().done().completeExceptionally(e);
                    return;
                }
                log.warn("accounting batch of {} for tenant {} failed, writing one by one: {}", pending.size(),
                        tenant, e.getMessage());
                pending.forEach(p -> write(List.of(p)));
            }
        });
    }

    private void publish(List<Object> published) {
        for (Object event : published) {
            try {
                events.publishEvent(event);
            } catch (RuntimeException e) {
                log.warn("session event listener failed: {}", e.toString());
            }
        }
    }
}
