package com.traidnet.wificore.jobs;

import com.traidnet.wificore.platform.DatabaseNotifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Tells worker pools that jobs arrived. After an enqueue commits, this node's pool for the
 * queue is woken directly, and every node (this one included) by a NOTIFY on
 * {@value PostgresJobQueue#CHANNEL}: payload {@code queue}, or {@code queue@epochMillis} for a
 * job due later.
 * <p>
 * The NOTIFY is deliberately <em>not</em> part of the enqueuing transaction: PostgreSQL
 * serialises the commits of all transactions that notified (a database-wide lock held through
 * the commit's WAL flush), which would cap enqueueing at one commit per disk flush — in the
 * benchmark, 500 instead of thousands per second. Instead one sender thread coalesces what
 * was enqueued since its last round into one notification per queue, sent in a transaction of
 * its own without waiting for the flush (a lost notification costs at most a poll interval),
 * at most every {@value #MIN_GAP_MILLIS} ms.
 */
@Component
class Wakeups implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Wakeups.class);
    private static final long NOW = 0;
    /** At most one round of notifications per this many milliseconds: under load, enqueues share them. */
    private static final long MIN_GAP_MILLIS = 5;

    private final JdbcClient sql;
    private final TransactionTemplate transactions;
    private final Map<String, WorkerPool> local = new ConcurrentHashMap<>();
    /** Queue → earliest due time (epoch millis, {@link #NOW} for due now) not yet announced. */
    private final Map<String, Long> unannounced = new ConcurrentHashMap<>();
    private final Semaphore work = new Semaphore(0);
    private volatile boolean running;
    private Thread sender;

    Wakeups(JdbcClient sql, TransactionTemplate transactions, DatabaseNotifications notifications,
            JobsSettings settings) {
        this.sql = sql;
        this.transactions = transactions;
        if (settings.enabled()) {
            notifications.listen(PostgresJobQueue.CHANNEL, this::notified,
                    () -> local.values().forEach(WorkerPool::wake));
        }
    }

    void register(WorkerPool pool) {
        local.put(pool.queue(), pool);
    }

    void unregister(WorkerPool pool) {
        local.remove(pool.queue(), pool);
    }

    /** A job of {@code queue} due at {@code runAt} has been committed. */
    void enqueued(String queue, Instant runAt, Instant now) {
        long due = runAt.isAfter(now) ? runAt.toEpochMilli() : NOW;
        wakeLocal(queue, due);
        unannounced.merge(queue, due, Math::min);
        work.release();
    }

    private void notified(String payload) {
        int at = payload.indexOf('@');
        try {
            wakeLocal(at < 0 ? payload : payload.substring(0, at), at < 0 ? NOW : Long.parseLong(payload.substring(at + 1)));
        } catch (NumberFormatException e) {
            log.debug("ignoring job notification {}", payload);
        }
    }

    private void wakeLocal(String queue, long due) {
        WorkerPool pool = local.get(queue);
        if (pool != null) {
            if (due == NOW) {
                pool.wake();
            } else {
                pool.wakeAt(due);
            }
        }
    }

    private void sendForever() {
        while (running || !unannounced.isEmpty()) {
            try {
                if (!work.tryAcquire(1, TimeUnit.SECONDS)) {
                    continue;
                }
                work.drainPermits();
                List<String> payloads = new ArrayList<>();
                for (String queue : List.copyOf(unannounced.keySet())) {
                    Long due = unannounced.remove(queue);
                    if (due != null) {
                        payloads.add(due == NOW ? queue : queue + "@" + due);
                    }
                }
                if (!payloads.isEmpty()) {
                    long started = System.nanoTime();
                    send(payloads);
                    long rest = MIN_GAP_MILLIS - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                    if (rest > 0 && running) {
                        Thread.sleep(rest);
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("job notifications not sent (workers elsewhere find the jobs by polling): {}", e.toString());
            }
        }
    }

    private void send(List<String> payloads) {
        transactions.executeWithoutResult(status -> sql.sql("""
                        select set_config('synchronous_commit', 'off', true),
                               (select count(pg_notify(?, p)) from unnest(?::text[]) p)""")
                .params(PostgresJobQueue.CHANNEL, payloads.toArray(String[]::new)).query().singleRow());
    }

    @Override
    public synchronized void start() {
        running = true;
        sender = Thread.ofPlatform().daemon().name("jobs-notify").start(this::sendForever);
    }

    @Override
    public synchronized void stop() {
        running = false;
        work.release();
        try {
            if (sender != null) {
                sender.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops late, with the group commit: enqueues during the web server's drain still notify. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
