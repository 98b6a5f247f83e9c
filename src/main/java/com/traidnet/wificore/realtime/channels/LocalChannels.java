package com.traidnet.wificore.realtime.channels;

import com.traidnet.wificore.realtime.cluster.Broadcast;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * This node's subscribers per channel and connections per signed-in user, and delivery to
 * them. A delivery encodes the frame once and hands each event loop one task that writes
 * to all its subscribers and flushes, instead of one cross-thread task per socket.
 */
final class LocalChannels {

    private record Key(String appId, String name) {
    }

    private final Map<Key, Set<Connection>> channels = new ConcurrentHashMap<>();
    private final Map<Key, Set<Connection>> users = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> connectionsPerApp = new ConcurrentHashMap<>();
    private final RealtimeMetrics metrics;

    LocalChannels(RealtimeMetrics metrics) {
        this.metrics = metrics;
    }

    /** Counts a new connection; false (and not counted) when the app already has {@code limit}. */
    boolean admit(String appId, int limit) {
        AtomicInteger count = connectionsPerApp.computeIfAbsent(appId, a -> new AtomicInteger());
        if (count.incrementAndGet() > limit) {
            count.decrementAndGet();
            return false;
        }
        return true;
    }

    void release(String appId) {
        AtomicInteger count = connectionsPerApp.get(appId);
        if (count != null) {
            count.decrementAndGet();
        }
    }

    int connections(String appId) {
        AtomicInteger count = connectionsPerApp.get(appId);
        return count == null ? 0 : count.get();
    }

    void add(Connection c, String channel) {
        channels.computeIfAbsent(new Key(c.app().id(), channel), k -> ConcurrentHashMap.newKeySet()).add(c);
    }

    void remove(Connection c, String channel) {
        channels.computeIfPresent(new Key(c.app().id(), channel), (k, set) -> {
            set.remove(c);
            return set.isEmpty() ? null : set;
        });
    }

    void addUser(Connection c, String userId) {
        users.computeIfAbsent(new Key(c.app().id(), userId), k -> ConcurrentHashMap.newKeySet()).add(c);
    }

    void removeUser(Connection c, String userId) {
        users.computeIfPresent(new Key(c.app().id(), userId), (k, set) -> {
            set.remove(c);
            return set.isEmpty() ? null : set;
        });
    }

    Set<Connection> userConnections(String appId, String userId) {
        return users.getOrDefault(new Key(appId, userId), Set.of());
    }

    /** Writes {@code message} to this node's subscribers of its channel, except its sender. */
    void deliver(Broadcast message) {
        Set<Connection> subscribers = channels.get(new Key(message.appId(), message.channel()));
        if (subscribers == null || subscribers.isEmpty()) {
            return;
        }
        byte[] bytes = message.frame().getBytes(StandardCharsets.UTF_8);
        ByteBuf shared = Unpooled.wrappedBuffer(bytes);
        Map<EventLoop, List<Connection>> byLoop = new IdentityHashMap<>(4);
        for (Connection c : subscribers) {
            if (!c.closing() && !c.socketId().equals(message.exceptSocketId())) {
                byLoop.computeIfAbsent(c.channel().eventLoop(), l -> new ArrayList<>()).add(c);
            }
        }
        byLoop.forEach((loop, targets) -> {
            shared.retain(); // one reference per loop task, released when its writes are queued
            loop.execute(() -> {
                try {
                    writeAll(targets, shared, message.appId());
                } finally {
                    shared.release();
                }
            });
        });
        shared.release();
        metrics.delivered(message.appId(), countAll(byLoop), bytes.length);
    }

    private static int countAll(Map<EventLoop, List<Connection>> byLoop) {
        int n = 0;
        for (List<Connection> l : byLoop.values()) {
            n += l.size();
        }
        return n;
    }

    private void writeAll(List<Connection> targets, ByteBuf shared, String appId) {
        for (Connection c : targets) {
            var channel = c.channel();
            if (!channel.isActive()) {
                continue;
            }
            if (!channel.isWritable()) {
                // the client reads slower than we send: drop it rather than buffer without bound
                metrics.rejected(appId, "slow_consumer");
                c.close(4100, "Over capacity: the client does not read fast enough");
                continue;
            }
            channel.write(new TextWebSocketFrame(shared.retainedDuplicate()), channel.voidPromise());
        }
        for (Connection c : targets) {
            c.channel().flush();
        }
    }
}
