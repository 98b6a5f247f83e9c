package com.traidnet.wificore.realtime.cluster;

import io.lettuce.core.api.sync.RedisCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Many nodes behind a load balancer, sharing one Redis: deliveries over one pub/sub channel,
 * counts, presence and the cache in hashes kept consistent by Lua scripts (key layout:
 * {@link RedisKeys}), and each node's share recorded apart so that a node that dies can be
 * subtracted by a survivor. Redis failures never reach the caller: they are logged once per
 * outage and the call returns a fallback (documented per method), so a Redis blip loses
 * deliveries made during it. State changes are not lost: the node keeps its own share in memory
 * ({@link Share}) and restates it in Redis when an outage ends, when Redis lost its data, or when
 * it finds itself swept as dead. See docs/decisions/0009-redis-fanout.md.
 */
public final class RedisFanout implements Fanout {

    private static final Logger log = LoggerFactory.getLogger(RedisFanout.class);

    private final String nodeId;
    private final Duration heartbeat;
    private final RedisKeys keys;
    private final RedisGuard guard = new RedisGuard(RedisLink.TIMEOUT);
    private final RedisLink link;
    private final RedisChannels channels;
    private final NodeSweeper sweeper;
    private final ScheduledExecutorService timers;
    private volatile ClusterListener listener;
    /** What this node holds: the truth its share in Redis is restated from. */
    private final Share share = new Share();
    /**
     * Held (shared) by every change of this node's share, so that a restatement (exclusive) sees
     * the in-memory share and Redis agree: no change is half made while it replaces one by the other.
     */
    private final ReentrantReadWriteLock changes = new ReentrantReadWriteLock();
    private boolean connectedOnce;          // timer thread only
    private long recoveriesSeen;            // timer thread only
    private boolean restateDue;             // timer thread only

    /**
     * @param nodeId    this node's name in Redis, unique in the cluster (random when blank)
     * @param heartbeat how often this node says it is alive; silent for three of them = dead
     */
    public RedisFanout(String redisUrl, String nodeId, Duration heartbeat, Clock clock) {
        this(redisUrl, nodeId, heartbeat, clock, RedisKeys.DEFAULT_PREFIX);
    }

    RedisFanout(String redisUrl, String nodeId, Duration heartbeat, Clock clock, String keyPrefix) {
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("heartbeat must be positive, not " + heartbeat);
        }
        this.nodeId = nodeId == null || nodeId.isBlank() ? UUID.randomUUID().toString() : nodeId;
        this.heartbeat = heartbeat;
        this.keys = new RedisKeys(keyPrefix);
        this.link = new RedisLink(redisUrl, this.nodeId);
        this.channels = new RedisChannels(keys, this.nodeId);
        this.sweeper = new NodeSweeper(keys, this.nodeId, heartbeat, clock, guard, link::redis, () -> listener);
        // two threads: a long clean-up after a dead node must not delay this node's own heartbeat
        this.timers = Executors.newScheduledThreadPool(2,
                Thread.ofPlatform().daemon().name("wificore-rt-redis-" + this.nodeId + "-", 0).factory());
    }

    public String nodeId() {
        return nodeId;
    }

    @Override
    public void start(ClusterListener listener) {
        this.listener = listener;
        beat();
        long ms = heartbeat.toMillis();
        timers.scheduleAtFixedRate(this::beat, ms, ms, TimeUnit.MILLISECONDS);
        timers.scheduleWithFixedDelay(sweeper::sweepDeadNodes, ms, ms, TimeUnit.MILLISECONDS);
    }

    /**
     * Connects when not yet connected (Redis may be down at start), says this node is alive, and
     * restates its share when Redis may have lost or missed some of it.
     */
    private synchronized void beat() {
        if (!link.connected() && guard.call("connect", () -> link.connect(keys.bus(), this::received), false)) {
            if (!connectedOnce) {
                sweeper.sweepOwn(); // a previous run under this node id may have crashed
                connectedOnce = true;
            } else {
                restateDue = true;
            }
        }
        if (sweeper.heartbeat()) {
            restateDue = true;
        }
        long recoveries = guard.recoveries();
        if (recoveries != recoveriesSeen) {
            recoveriesSeen = recoveries; // changes made during the outage never reached Redis
            restateDue = true;
        }
        if (restateDue && !guard.failing()) {
            restateDue = !restate();
        }
    }

    /**
     * Replaces whatever Redis holds of this node by what it holds: subtracts the remains silently,
     * then adds every subscription count and presence socket again. Users who become present again
     * are announced ({@link ClusterListener#memberBack}) after the lock is released. New
     * subscriptions wait meanwhile (one Redis call per channel and per presence socket).
     *
     * @return false when Redis failed half-way (tried again at the next heartbeat)
     */
    private boolean restate() {
        List<Share.Present> back = new ArrayList<>();
        int channelsRestated, socketsRestated;
        changes.writeLock().lock();
        try {
            RedisCommands<String, String> r = redis();
            sweeper.sweepOwnQuietly();
            var counts = share.counts();
            for (var e : counts.entrySet()) {
                channels.subscribed(r, e.getKey().appId(), e.getKey().channel(), e.getValue());
            }
            var present = share.present();
            for (Share.Present p : present) {
                if (channels.joined(r, p.appId(), p.channel(), p.socketId(), p.member())) {
                    back.add(p);
                }
            }
            sweeper.heartbeat();
            channelsRestated = counts.size();
            socketsRestated = present.size();
        } catch (RuntimeException e) {
            log.warn("restating real-time node {} in Redis failed ({}); trying again at the next heartbeat", nodeId,
                    e.toString());
            return false;
        } finally {
            changes.writeLock().unlock();
        }
        log.info("real-time node {} restated {} channel subscription count(s) and {} presence socket(s) in Redis",
                nodeId, channelsRestated, socketsRestated);
        for (Share.Present p : back) {
            try {
                listener.memberBack(p.appId(), p.channel(), p.member());
            } catch (RuntimeException e) {
                log.warn("cluster listener failed on a restated member", e);
            }
        }
        return true;
    }

    @Override
    public void broadcast(Broadcast message) {
        listener.deliver(message);
        String text = BusMessage.encode(new BusMessage.Deliver(nodeId, message));
        guard.run("publish", () -> redis().publish(keys.bus(), text));
    }

    @Override
    public void terminateUser(String appId, String userId) {
        listener.terminateUser(appId, userId);
        String text = BusMessage.encode(new BusMessage.Terminate(nodeId, appId, userId));
        guard.run("publish", () -> redis().publish(keys.bus(), text));
    }

    private void received(String text) {
        try {
            BusMessage message = BusMessage.decode(text);
            if (message.origin().equals(nodeId)) {
                return; // delivered locally when sent
            }
            switch (message) {
                case BusMessage.Deliver d -> listener.deliver(d.broadcast());
                case BusMessage.Terminate t -> listener.terminateUser(t.appId(), t.userId());
            }
        } catch (RuntimeException e) {
            log.warn("cluster message not handled ({} chars): {}", text.length(), e.toString());
        }
    }

    /** On a Redis failure: 1, this connection (so the caller announces no spurious {@code channel_occupied}). */
    @Override
    public long subscribed(String appId, String channel) {
        return changing(() -> {
            share.subscribed(appId, channel);
            return guard.call("subscribe", () -> channels.subscribed(redis(), appId, channel), 1L);
        });
    }

    /** On a Redis failure: 1, as if others remained (no {@code channel_vacated} for a channel others may hold). */
    @Override
    public long unsubscribed(String appId, String channel) {
        return changing(() -> {
            share.unsubscribed(appId, channel);
            return guard.call("unsubscribe", () -> channels.unsubscribed(redis(), appId, channel), 1L);
        });
    }

    /** On a Redis failure: true, as if the user were alone (the members on this node learn of them). */
    @Override
    public boolean joined(String appId, String channel, String socketId, Member member) {
        return changing(() -> {
            share.joined(appId, channel, socketId, member);
            return guard.call("join", () -> channels.joined(redis(), appId, channel, socketId, member), true);
        });
    }

    /** On a Redis failure: true, as if it were the user's last connection. */
    @Override
    public boolean left(String appId, String channel, String socketId, String userId) {
        return changing(() -> {
            share.left(appId, channel, socketId);
            return guard.call("leave", () -> channels.left(redis(), appId, channel, socketId, userId), true);
        });
    }

    private <T> T changing(java.util.function.Supplier<T> change) {
        changes.readLock().lock();
        try {
            return change.get();
        } finally {
            changes.readLock().unlock();
        }
    }

    /** One member per user, with the user info of one of their connections. Empty on a Redis failure. */
    @Override
    public List<Member> members(String appId, String channel) {
        return guard.call("members", () -> channels.members(redis(), appId, channel), List.of());
    }

    /** Empty on a Redis failure. */
    @Override
    public Map<String, ChannelStats> channels(String appId, String prefix) {
        return guard.call("channels", () -> channels.channels(redis(), appId, prefix), Map.of());
    }

    /** {@link ChannelStats#EMPTY} on a Redis failure. */
    @Override
    public ChannelStats channel(String appId, String channel) {
        return guard.call("channel", () -> channels.channel(redis(), appId, channel), ChannelStats.EMPTY);
    }

    @Override
    public void cache(String appId, String channel, String frame, Duration ttl) {
        guard.run("cache", () -> channels.cache(redis(), appId, channel, frame, ttl));
    }

    /** Empty on a Redis failure. */
    @Override
    public Optional<String> cached(String appId, String channel) {
        return Optional.ofNullable(guard.call("cached", () -> channels.cached(redis(), appId, channel), null));
    }

    private RedisCommands<String, String> redis() {
        return link.redis();
    }

    /** Leaves the cluster: this node's liveness entry and anything it still holds are removed. */
    @Override
    public void close() {
        timers.shutdown(); // not shutdownNow: an interrupted Redis call would be logged as an outage
        try {
            timers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (link.connected()) {
            sweeper.sweepOwn();
        }
        link.close();
    }

    /** Tests: stop as if the process died (no clean-up); the other nodes must sweep up after it. */
    void crashForTest() {
        timers.shutdownNow();
        link.close();
    }
}
