package com.traidnet.wificore.realtime.channels;

import com.traidnet.wificore.realtime.cluster.Broadcast;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * This node's subscribers per channel and connections per signed-in user, and delivery to
 * them. A delivery encodes the frame once and queues it in each event loop's outbox, whose
 * task writes to all that loop's subscribers and flushes, instead of one cross-thread task
 * per socket; deliveries that queue up while the loop is busy share the flushes.
 */
final class LocalChannels {

    private record Key(String appId, String name) {
    }

    private final Map<Key, Set<Connection>> channels = new ConcurrentHashMap<>();
    private final Map<Key, Set<Connection>> users = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> connectionsPerApp = new ConcurrentHashMap<>();
    private final Map<EventLoop, Outbox> outboxes = new ConcurrentHashMap<>();
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
        ByteBuf shared = textFrame(bytes);
        Map<EventLoop, List<Connection>> byLoop = new IdentityHashMap<>(4);
        for (Connection c : subscribers) {
            if (!c.closing() && !c.socketId().equals(message.exceptSocketId())) {
                byLoop.computeIfAbsent(c.channel().eventLoop(), l -> new ArrayList<>()).add(c);
            }
        }
        byLoop.forEach((loop, targets) -> {
            shared.retain(); // one reference per loop, released when its writes are queued
            outbox(loop).add(new Pending(targets, shared, message.appId()));
        });
        shared.release();
        metrics.delivered(message.appId(), countAll(byLoop), bytes.length);
    }

    /**
     * The whole WebSocket text frame (RFC 6455 §5.2: FIN, opcode 1, unmasked as from a server),
     * encoded once for all subscribers: each socket gets a duplicate of it, which the
     * pipeline's frame encoder passes through, instead of a frame object that it encodes
     * into a new buffer, copying the payload, per socket. (The handshake negotiates no
     * extension, so frames go out as they are; a compression extension, if one is added,
     * may still send this frame uncompressed.)
     */
    static ByteBuf textFrame(byte[] payload) {
        int n = payload.length;
        ByteBuf frame = ByteBufAllocator.DEFAULT.directBuffer(n + (n < 126 ? 2 : n < 65536 ? 4 : 10));
        frame.writeByte(0x81);
        if (n < 126) {
            frame.writeByte(n);
        } else if (n < 65536) {
            frame.writeByte(126).writeShort(n);
        } else {
            frame.writeByte(127).writeLong(n);
        }
        return frame.writeBytes(payload);
    }

    private static int countAll(Map<EventLoop, List<Connection>> byLoop) {
        int n = 0;
        for (List<Connection> l : byLoop.values()) {
            n += l.size();
        }
        return n;
    }

    private Outbox outbox(EventLoop loop) {
        Outbox o = outboxes.get(loop);
        return o != null ? o : outboxes.computeIfAbsent(loop, Outbox::new);
    }

    private record Pending(List<Connection> targets, ByteBuf frame, String appId) {
    }

    /**
     * One event loop's deliveries not yet written. One task drains it: it writes every queued
     * delivery and then flushes each socket once, so when publishes arrive faster than the
     * loop writes them, a socket gets several frames per system call instead of one each.
     */
    private final class Outbox implements Runnable {

        private static final int MAX_PER_RUN = 64; // then flush and yield to the loop's other work

        private final EventLoop loop;
        private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private final List<Connection> written = new ArrayList<>();
        private long run;

        Outbox(EventLoop loop) {
            this.loop = loop;
        }

        void add(Pending p) {
            queue.add(p);
            if (scheduled.compareAndSet(false, true)) {
                loop.execute(this);
            }
        }

        @Override
        public void run() {
            scheduled.set(false); // a delivery queued from now on schedules another run
            run++;
            Pending p;
            for (int n = 0; n < MAX_PER_RUN && (p = queue.poll()) != null; n++) {
                try {
                    writeAll(p);
                } finally {
                    p.frame().release();
                }
            }
            for (Connection c : written) {
                c.channel().flush();
            }
            written.clear();
            if (!queue.isEmpty() && scheduled.compareAndSet(false, true)) {
                loop.execute(this);
            }
        }

        private void writeAll(Pending p) {
            for (Connection c : p.targets()) {
                var channel = c.channel();
                if (!channel.isActive()) {
                    continue;
                }
                if (!channel.isWritable()) {
                    // the client reads slower than we send: drop it rather than buffer without bound
                    metrics.rejected(p.appId(), "slow_consumer");
                    c.close(4100, "Over capacity: the client does not read fast enough");
                    continue;
                }
                channel.write(p.frame().retainedDuplicate(), channel.voidPromise());
                if (c.flushRun != run) {
                    c.flushRun = run;
                    written.add(c);
                }
            }
        }
    }
}
