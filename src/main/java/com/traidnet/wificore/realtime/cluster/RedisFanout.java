package com.traidnet.wificore.realtime.cluster;

import io.lettuce.core.api.sync.RedisCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Many nodes behind a load balancer, sharing one Redis: deliveries over one pub/sub channel,
 * counts, presence and the cache in hashes kept consistent by Lua scripts (key layout:
 * {@link RedisKeys}), and each node's share recorded apart so that a node that dies can be
 * subtracted by a survivor. Redis failures never reach the caller: they are logged once per
 * outage and the call returns a fallback (documented per method), so a Redis blip loses
 * deliveries and state changes made during it. See docs/decisions/0009-redis-fanout.md.
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

    /** Connects when not yet connected (Redis may be down at start), then says this node is alive. */
    private void beat() {
        if (!link.connected() && guard.call("connect", () -> link.connect(keys.bus(), this::received), false)) {
            sweeper.sweepOwn(); // a previous run under this node id may have crashed
        }
        sweeper.heartbeat();
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
        return guard.call("subscribe", () -> channels.subscribed(redis(), appId, channel), 1L);
    }

    /** On a Redis failure: 1, as if others remained (no {@code channel_vacated} for a channel others may hold). */
    @Override
    public long unsubscribed(String appId, String channel) {
        return guard.call("unsubscribe", () -> channels.unsubscribed(redis(), appId, channel), 1L);
    }

    /** On a Redis failure: true, as if the user were alone (the members on this node learn of them). */
    @Override
    public boolean joined(String appId, String channel, String socketId, Member member) {
        return guard.call("join", () -> channels.joined(redis(), appId, channel, socketId, member), true);
    }

    /** On a Redis failure: true, as if it were the user's last connection. */
    @Override
    public boolean left(String appId, String channel, String socketId, String userId) {
        return guard.call("leave", () -> channels.left(redis(), appId, channel, socketId, userId), true);
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
