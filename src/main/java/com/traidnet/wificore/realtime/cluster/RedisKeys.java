package com.traidnet.wificore.realtime.cluster;

/**
 * Where {@link RedisFanout} keeps what in Redis. Every name is {@code prefix} plus segments
 * joined by {@code :}; app ids, channel names, node ids and socket ids are escaped (only
 * {@code %} and {@code :}) so a segment never contains the separator and a composite field
 * such as {@code app:channel} splits back unambiguously — also inside the Lua scripts, which
 * build the per-channel keys of a dead node from its fields ({@link RedisScripts}: keep both
 * in step).
 *
 * <pre>
 * {p}nodes                      ZSET  node id → last heartbeat (epoch ms)
 * {p}bus                        pub/sub channel of every node
 * {p}lock:{node}                string, the node cleaning up after a dead {node}
 * {p}node:{node}:subs           HASH  app:channel → subscriptions held by {node}
 * {p}node:{node}:presence       HASH  app:channel:socket → user id, presence connections on {node}
 * {p}app:{app}:subs             HASH  channel → subscriptions on all nodes
 * {p}app:{app}:users            HASH  channel → distinct presence users on all nodes
 * {p}app:{app}:pr:{ch}:sockets  HASH  node:socket → user id [":" user_info]
 * {p}app:{app}:pr:{ch}:conns    HASH  user id → connections on all nodes
 * {p}app:{app}:cache:{ch}       string with PX: a cache channel's last frame
 * </pre>
 */
final class RedisKeys {

    static final String DEFAULT_PREFIX = "wificore:rt:";

    private final String prefix;

    RedisKeys(String prefix) {
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }

    String nodes() {
        return prefix + "nodes";
    }

    String bus() {
        return prefix + "bus";
    }

    String lock(String node) {
        return prefix + "lock:" + esc(node);
    }

    String nodeSubscriptions(String node) {
        return prefix + "node:" + esc(node) + ":subs";
    }

    String nodePresence(String node) {
        return prefix + "node:" + esc(node) + ":presence";
    }

    String subscriptions(String app) {
        return prefix + "app:" + esc(app) + ":subs";
    }

    String users(String app) {
        return prefix + "app:" + esc(app) + ":users";
    }

    String sockets(String app, String channel) {
        return prefix + "app:" + esc(app) + ":pr:" + esc(channel) + ":sockets";
    }

    String connections(String app, String channel) {
        return prefix + "app:" + esc(app) + ":pr:" + esc(channel) + ":conns";
    }

    String cache(String app, String channel) {
        return prefix + "app:" + esc(app) + ":cache:" + esc(channel);
    }

    static String subscriptionField(String app, String channel) {
        return esc(app) + ":" + esc(channel);
    }

    static String presenceField(String app, String channel, String socketId) {
        return esc(app) + ":" + esc(channel) + ":" + esc(socketId);
    }

    static String socketField(String node, String socketId) {
        return esc(node) + ":" + esc(socketId);
    }

    static String esc(String s) {
        return s.indexOf('%') < 0 && s.indexOf(':') < 0 ? s : s.replace("%", "%25").replace(":", "%3A");
    }

    static String unesc(String s) {
        // "%3A" first: after escaping, every '%' starts "%25" or "%3A", so this order never misreads
        return s.indexOf('%') < 0 ? s : s.replace("%3A", ":").replace("%25", "%");
    }

    /** A Redis glob (HSCAN MATCH) for fields starting with the escaped {@code prefix}. */
    static String startsWithGlob(String prefix) {
        StringBuilder glob = new StringBuilder();
        for (char c : esc(prefix).toCharArray()) {
            if ("*?[]\\^".indexOf(c) >= 0) {
                glob.append('\\');
            }
            glob.append(c);
        }
        return glob.append('*').toString();
    }
}
