package com.traidnet.wificore.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Group commit for jobs enqueued outside any transaction: callers that arrive together share
 * one multi-row INSERT and one commit. Each caller returns only after the commit that holds
 * its job, so an enqueue that returned is durable. A lone caller waits for nobody (its batch
 * is just its own job); under load the batches grow by themselves, and a commit per job —
 * the most expensive part of an enqueue — becomes a commit per batch. Same idea as RADIUS
 * accounting's writer.
 */
@Component
class EnqueueGroupCommit implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EnqueueGroupCommit.class);
    private static final int MAX_BATCH = 500;
    private static final int COMMITTERS = 2;

    private record Pending(NewJob job, CompletableFuture<Void> done) {
    }

    private final PostgresEnqueues store;
    private final JdbcClient sql;
    private final LinkedBlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
    private final List<Thread> committers = new ArrayList<>();
    private volatile boolean running;

    EnqueueGroupCommit(PostgresEnqueues store, JdbcClient sql) {
        this.store = store;
        this.sql = sql;
    }

    /** Inserts and commits {@code job}; returns once it is committed. */
    void enqueue(NewJob job) {
        if (!running) {
            store.insertAlone(sql, List.of(job)); // starting or stopping: no committer to wait for
            return;
        }
        var p = new Pending(job, new CompletableFuture<>());
        pending.add(p);
        try {
            p.done().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private void commitForever() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !pending.isEmpty()) {
            try {
                Pending first = pending.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                pending.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                batch.forEach(p -> p.done().completeExceptionally(e)); // no caller may wait forever
                throw e;
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Pending> batch) {
        try {
            store.insertAlone(sql, batch.stream().map(Pending::job).toList());
            batch.forEach(p -> p.done().complete(null));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.getFirst().done().completeExceptionally(e);
                return;
            }
            log.debug("enqueue batch of {} failed, inserting one by one: {}", batch.size(), e.toString());
            batch.forEach(p -> commit(List.of(p))); // one bad job must not fail the others
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        for (int i = 0; i < COMMITTERS; i++) {
            committers.add(Thread.ofPlatform().daemon().name("jobs-enqueue-" + i).start(this::commitForever));
        }
    }

    /** Stops after the workers and the web server (lower phase), so every accepted enqueue is committed. */
    @Override
    public synchronized void stop() {
        running = false;
        for (Thread t : committers) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        committers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
