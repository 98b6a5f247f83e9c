package com.traidnet.wificore.realtime.cluster;

import io.lettuce.core.KeyValue;
import io.lettuce.core.MapScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One node's view of the cluster-wide channel state in Redis: counts, presence and the cache
 * (layout: {@link RedisKeys}). Plain Redis calls that throw on failure; {@link RedisFanout}
 * decides what a failure means for its caller.
 */
final class RedisChannels {

    private final RedisKeys keys;
    private final String nodeId;

    RedisChannels(RedisKeys keys, String nodeId) {
        this.keys = keys;
        this.nodeId = nodeId;
    }

    long subscribed(RedisCommands<String, String> r, String appId, String channel) {
        return subscribed(r, appId, channel, 1);
    }

    /** {@code count} subscriptions of this node at once (a restated share). */
    long subscribed(RedisCommands<String, String> r, String appId, String channel, long count) {
        return RedisScripts.SUBSCRIBE.<Long>run(r, ScriptOutputType.INTEGER, subscriptionKeys(appId),
                RedisKeys.esc(channel), RedisKeys.subscriptionField(appId, channel), Long.toString(count));
    }

    long unsubscribed(RedisCommands<String, String> r, String appId, String channel) {
        return RedisScripts.UNSUBSCRIBE.<Long>run(r, ScriptOutputType.INTEGER, subscriptionKeys(appId),
                RedisKeys.esc(channel), RedisKeys.subscriptionField(appId, channel));
    }

    private String[] subscriptionKeys(String appId) {
        return new String[] {keys.subscriptions(appId), keys.nodeSubscriptions(nodeId)};
    }

    boolean joined(RedisCommands<String, String> r, String appId, String channel, String socketId, Member member) {
        // the socket's entry: user id (escaped, it ends at the first ':') and user info, if any
        String value = RedisKeys.esc(member.userId()) + (member.userInfo() == null ? "" : ":" + member.userInfo());
        long first = RedisScripts.JOIN.<Long>run(r, ScriptOutputType.INTEGER, presenceKeys(appId, channel),
                RedisKeys.socketField(nodeId, socketId), value, member.userId(), RedisKeys.esc(channel),
                RedisKeys.presenceField(appId, channel, socketId));
        return first == 1;
    }

    boolean left(RedisCommands<String, String> r, String appId, String channel, String socketId, String userId) {
        long last = RedisScripts.LEAVE.<Long>run(r, ScriptOutputType.INTEGER, presenceKeys(appId, channel),
                RedisKeys.socketField(nodeId, socketId), userId, RedisKeys.esc(channel),
                RedisKeys.presenceField(appId, channel, socketId));
        return last == 1;
    }

    private String[] presenceKeys(String appId, String channel) {
        return new String[] {keys.sockets(appId, channel), keys.connections(appId, channel), keys.users(appId),
                keys.nodePresence(nodeId)};
    }

    /** One member per user, with the user info of one of their connections. */
    List<Member> members(RedisCommands<String, String> r, String appId, String channel) {
        Map<String, Member> byUser = new LinkedHashMap<>();
        for (String value : r.hgetall(keys.sockets(appId, channel)).values()) {
            int colon = value.indexOf(':');
            String user = RedisKeys.unesc(colon < 0 ? value : value.substring(0, colon));
            byUser.putIfAbsent(user, new Member(user, colon < 0 ? null : value.substring(colon + 1)));
        }
        return new ArrayList<>(byUser.values());
    }

    /** Scanned in pages, so a large app does not hold Redis for one long reply. */
    Map<String, ChannelStats> channels(RedisCommands<String, String> r, String appId, String prefix) {
        Map<String, ChannelStats> result = new TreeMap<>();
        ScanArgs match = ScanArgs.Builder.matches(RedisKeys.startsWithGlob(prefix)).limit(1000);
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            MapScanCursor<String, String> page = r.hscan(keys.subscriptions(appId), cursor, match);
            if (!page.getMap().isEmpty()) {
                List<String> fields = List.copyOf(page.getMap().keySet());
                List<KeyValue<String, String>> users = r.hmget(keys.users(appId), fields.toArray(String[]::new));
                for (int i = 0; i < fields.size(); i++) {
                    long subscriptions = Long.parseLong(page.getMap().get(fields.get(i)));
                    long userCount = users.get(i).hasValue() ? Long.parseLong(users.get(i).getValue()) : 0;
                    result.put(RedisKeys.unesc(fields.get(i)), new ChannelStats(subscriptions, userCount));
                }
            }
            cursor = page;
        } while (!cursor.isFinished());
        return result;
    }

    ChannelStats channel(RedisCommands<String, String> r, String appId, String channel) {
        List<Object> counts = RedisScripts.CHANNEL.run(r, ScriptOutputType.MULTI,
                new String[] {keys.subscriptions(appId), keys.users(appId)}, RedisKeys.esc(channel));
        long subscriptions = ((Number) counts.get(0)).longValue();
        return subscriptions <= 0 ? ChannelStats.EMPTY
                : new ChannelStats(subscriptions, ((Number) counts.get(1)).longValue());
    }

    void cache(RedisCommands<String, String> r, String appId, String channel, String frame, Duration ttl) {
        r.set(keys.cache(appId, channel), frame, SetArgs.Builder.px(ttl));
    }

    String cached(RedisCommands<String, String> r, String appId, String channel) {
        return r.get(keys.cache(appId, channel));
    }
}
