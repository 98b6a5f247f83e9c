package com.traidnet.wificore.realtime.cluster;

import io.lettuce.core.MapScanCursor;
import io.lettuce.core.Range;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Liveness: this node's heartbeat in the {@code nodes} ZSET, and the clean-up after nodes
 * that stopped beating for more than {@link #MISSED_BEATS} heartbeats. One live node cleans
 * up after each dead one (a short {@code SET NX} lock); the sweep scripts check the dead node
 * is still silent before each batch and undo each entry once, so a slow or second sweeper
 * does no harm. Scores come from the injected clock: nodes need NTP-synchronised clocks, as
 * for the job queue's leases (skew must stay well below three heartbeats).
 */
final class NodeSweeper {

    private static final Logger log = LoggerFactory.getLogger(NodeSweeper.class);
    static final int MISSED_BEATS = 3;
    private static final int BATCH = 500;
    /** A cutoff every heartbeat score is below: used when a node clears its own state. */
    private static final long ANY_TIME = Long.MAX_VALUE / 2;

    private final RedisKeys keys;
    private final String nodeId;
    private final Duration heartbeat;
    private final Clock clock;
    private final RedisGuard guard;
    private final Supplier<RedisCommands<String, String>> redis;
    private final Supplier<ClusterListener> listener;
    private volatile boolean registered;

    NodeSweeper(RedisKeys keys, String nodeId, Duration heartbeat, Clock clock, RedisGuard guard,
                Supplier<RedisCommands<String, String>> redis, Supplier<ClusterListener> listener) {
        this.keys = keys;
        this.nodeId = nodeId;
        this.heartbeat = heartbeat;
        this.clock = clock;
        this.guard = guard;
        this.redis = redis;
        this.listener = listener;
    }

    /**
     * Says this node is alive; true when it had been registered and was missing: swept as dead
     * (paused longer than three heartbeats) or Redis lost its data. Its share must then be restated.
     */
    boolean heartbeat() {
        return guard.call("heartbeat", () -> {
            Long added = redis.get().zadd(keys.nodes(), clock.millis(), nodeId);
            boolean missing = added != null && added == 1 && registered;
            if (missing) {
                log.warn("real-time node {} was missing from the cluster (swept as dead, or Redis lost its data):"
                        + " restating its subscriptions and presence", nodeId);
            }
            registered = true;
            return missing;
        }, false);
    }

    void sweepDeadNodes() {
        long cutoff = clock.millis() - MISSED_BEATS * heartbeat.toMillis();
        Range<Long> silent = Range.from(Range.Boundary.unbounded(), Range.Boundary.excluding(cutoff));
        List<String> dead = guard.call("find dead nodes", () -> redis.get().zrangebyscore(keys.nodes(), silent),
                List.of());
        for (String node : dead) {
            if (!node.equals(nodeId)) {
                sweepUnderLock(node, cutoff);
            }
        }
    }

    /** Clears what Redis holds for this node (a previous run that crashed, or leftovers at close). */
    void sweepOwn() {
        guard.call("clean up this node", () -> sweep(nodeId, ANY_TIME), false);
        registered = false;
    }

    /**
     * Takes away what Redis still holds of this node without reporting anything gone, before the
     * node restates its share (a sweep by another node may have stopped half-way). Throws on a
     * Redis failure: the caller tries the whole restatement again later.
     */
    void sweepOwnQuietly() {
        ReportGone nothing = flat -> { };
        if (!(sweep(nodeId, ANY_TIME, keys.nodePresence(nodeId), RedisScripts.SWEEP_PRESENCE, nothing)
                && sweep(nodeId, ANY_TIME, keys.nodeSubscriptions(nodeId), RedisScripts.SWEEP_SUBSCRIPTIONS, nothing))) {
            throw new IllegalStateException("own sweep stopped");
        }
    }

    private void sweepUnderLock(String node, long cutoff) {
        String lock = keys.lock(node);
        long lockMillis = Math.max(5_000, 10 * heartbeat.toMillis());
        String ok = guard.call("lock " + lock, () -> redis.get().set(lock, nodeId, SetArgs.Builder.nx().px(lockMillis)),
                null);
        if (!"OK".equals(ok)) {
            return; // another node is on it
        }
        try {
            if (guard.call("clean up after node " + node, () -> sweep(node, cutoff), false)) {
                log.info("real-time node {} stopped heartbeating; cleaned up its subscriptions and presence", node);
            }
        } finally {
            guard.run("unlock " + lock, () -> RedisScripts.UNLOCK.run(redis.get(), ScriptOutputType.INTEGER,
                    new String[] {lock}, nodeId));
        }
    }

    /** Presence first, so members are reported gone before their channels; false if the node is alive. */
    private boolean sweep(String node, long cutoff) {
        return sweep(node, cutoff, keys.nodePresence(node), RedisScripts.SWEEP_PRESENCE, this::membersGone)
                && sweep(node, cutoff, keys.nodeSubscriptions(node), RedisScripts.SWEEP_SUBSCRIPTIONS,
                this::channelsGone)
                && forget(node, cutoff);
    }

    private boolean sweep(String node, long cutoff, String hash, LuaScript script, ReportGone report) {
        RedisCommands<String, String> r = redis.get();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            MapScanCursor<String, String> page = r.hscan(hash, cursor, ScanArgs.Builder.limit(BATCH));
            if (!page.getMap().isEmpty()) {
                List<String> args = new ArrayList<>(List.of(keys.prefix(), node, RedisKeys.esc(node),
                        Long.toString(cutoff)));
                args.addAll(page.getMap().keySet());
                List<Object> out = script.run(r, ScriptOutputType.MULTI, new String[] {keys.nodes(), hash},
                        args.toArray(String[]::new));
                if (((Number) out.getFirst()).longValue() == 0) {
                    log.info("real-time node {} is heartbeating again; clean-up stopped", node);
                    return false;
                }
                report.gone(out.subList(1, out.size()));
            }
            cursor = page;
        } while (!cursor.isFinished());
        return true;
    }

    private boolean forget(String node, long cutoff) {
        Long forgotten = RedisScripts.FORGET_NODE.run(redis.get(), ScriptOutputType.INTEGER,
                new String[] {keys.nodes(), keys.nodeSubscriptions(node), keys.nodePresence(node)}, node,
                Long.toString(cutoff));
        return forgotten != null && forgotten == 1;
    }

    private void membersGone(List<Object> flat) {
        for (int i = 0; i + 2 < flat.size(); i += 3) {
            String app = RedisKeys.unesc((String) flat.get(i));
            String channel = RedisKeys.unesc((String) flat.get(i + 1));
            String user = (String) flat.get(i + 2);
            report(() -> listener.get().memberGone(app, channel, user));
        }
    }

    private void channelsGone(List<Object> flat) {
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            String app = RedisKeys.unesc((String) flat.get(i));
            String channel = RedisKeys.unesc((String) flat.get(i + 1));
            report(() -> listener.get().channelGone(app, channel));
        }
    }

    private static void report(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.warn("cluster listener failed on a dead node's clean-up", e);
        }
    }

    private interface ReportGone {
        void gone(List<Object> flat);
    }
}
