package com.traidnet.wificore.jobs;

import com.traidnet.wificore.tenant.TenantGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Starts a {@link WorkerPool} for every queue this node serves — {@code default}, the queues
 * named in settings and the handlers' queues, unless their concurrency is 0 — and hands them
 * to {@link Wakeups}. Stops them in the same shutdown phase as the web server's graceful shutdown, so
 * requests and jobs drain side by side.
 */
@Component
class Workers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Workers.class);

    private final JobsSettings settings;
    private final JobHandlers handlers;
    private final TenantGateway gateway;
    private final PostgresJobQueue store;
    private final JobMetrics metrics;
    private final Wakeups wakeups;
    private final Clock clock;
    private final Map<String, WorkerPool> pools = new ConcurrentHashMap<>();
    private volatile boolean running;

    Workers(JobsSettings settings, JobHandlers handlers, TenantGateway gateway, PostgresJobQueue store,
            JobMetrics metrics, Wakeups wakeups, Clock clock) {
        this.settings = settings;
        this.handlers = handlers;
        this.gateway = gateway;
        this.store = store;
        this.metrics = metrics;
        this.wakeups = wakeups;
        this.clock = clock;
    }

    Set<String> servedQueues() {
        Set<String> queues = new TreeSet<>(settings.queues().keySet());
        queues.add("default");
        queues.addAll(handlers.defaultQueues());
        queues.removeIf(q -> settings.concurrency(q) < 1);
        return queues;
    }

    @Override
    public synchronized void start() {
        if (!settings.enabled()) {
            log.info("job workers are disabled on this node (wificore.jobs.enabled=false)");
            running = true;
            return;
        }
        var backoff = new Backoff(settings.maxBackoff(), () -> ThreadLocalRandom.current().nextDouble());
        for (String queue : servedQueues()) {
            var pool = pool(PoolSettings.of(queue, settings.concurrency(queue), settings), backoff);
            pools.put(queue, pool);
            wakeups.register(pool);
            pool.start();
        }
        running = true;
        log.info("job workers started: {}", pools.keySet().stream()
                .map(q -> q + "×" + settings.concurrency(q)).toList());
    }

    WorkerPool pool(PoolSettings poolSettings, Backoff backoff) {
        return new WorkerPool(poolSettings,
                new PoolTransactions(poolSettings, gateway, store, metrics, backoff, clock), handlers);
    }

    @Override
    public void stop(Runnable callback) {
        running = false;
        pools.values().forEach(wakeups::unregister);
        var stopping = pools.values().stream().map(p -> Thread.ofVirtual().start(p::shutdown)).toList();
        Thread.ofVirtual().start(() -> {
            for (Thread t : stopping) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            pools.clear();
            callback.run();
        });
    }

    @Override
    public void stop() {
        stop(() -> { });
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }
}
