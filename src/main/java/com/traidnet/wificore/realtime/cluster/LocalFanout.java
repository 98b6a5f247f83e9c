package com.traidnet.wificore.realtime.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One node: deliveries go straight back to this node's subscribers and all state lives in
 * memory. Presence is a map user → the sockets they joined with, so a user with two tabs
 * is one member and leaves when the last tab does.
 */
public final class LocalFanout implements Fanout {

    private record Key(String appId, String channel) {
    }

    private record Cached(String frame, Instant until) {
    }

    private final Clock clock;
    private final Map<Key, Long> subscriptions = new ConcurrentHashMap<>();
    /** channel → user id → (socket id → member); guarded by the channel's map (compute on the outer map). */
    private final Map<Key, Map<String, Map<String, Member>>> presence = new ConcurrentHashMap<>();
    private final Map<Key, Cached> cache = new ConcurrentHashMap<>();
    private volatile ClusterListener listener;

    public LocalFanout(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void start(ClusterListener listener) {
        this.listener = listener;
    }

    @Override
    public void broadcast(Broadcast message) {
        listener.deliver(message);
    }

    @Override
    public long subscribed(String appId, String channel) {
        return subscriptions.merge(new Key(appId, channel), 1L, Long::sum);
    }

    @Override
    public long unsubscribed(String appId, String channel) {
        Long after = subscriptions.computeIfPresent(new Key(appId, channel), (k, n) -> n <= 1 ? null : n - 1);
        return after == null ? 0 : after;
    }

    @Override
    public boolean joined(String appId, String channel, String socketId, Member member) {
        boolean[] first = {false};
        presence.compute(new Key(appId, channel), (k, users) -> {
            Map<String, Map<String, Member>> map = users == null ? new LinkedHashMap<>() : users;
            Map<String, Member> sockets = map.computeIfAbsent(member.userId(), u -> new LinkedHashMap<>());
            first[0] = sockets.isEmpty();
            sockets.put(socketId, member);
            return map;
        });
        return first[0];
    }

    @Override
    public boolean left(String appId, String channel, String socketId, String userId) {
        boolean[] last = {false};
        presence.computeIfPresent(new Key(appId, channel), (k, users) -> {
            Map<String, Member> sockets = users.get(userId);
            if (sockets != null && sockets.remove(socketId) != null && sockets.isEmpty()) {
                users.remove(userId);
                last[0] = true;
            }
            return users.isEmpty() ? null : users;
        });
        return last[0];
    }

    @Override
    public List<Member> members(String appId, String channel) {
        List<Member> members = new ArrayList<>();
        presence.computeIfPresent(new Key(appId, channel), (k, users) -> {
            users.values().forEach(sockets -> members.add(sockets.values().iterator().next()));
            return users;
        });
        return members;
    }

    @Override
    public Map<String, ChannelStats> channels(String appId, String prefix) {
        Map<String, ChannelStats> result = new TreeMap<>();
        subscriptions.forEach((key, count) -> {
            if (key.appId().equals(appId) && key.channel().startsWith(prefix)) {
                result.put(key.channel(), new ChannelStats(count, userCount(key)));
            }
        });
        return result;
    }

    @Override
    public ChannelStats channel(String appId, String channel) {
        Key key = new Key(appId, channel);
        Long count = subscriptions.get(key);
        return count == null ? ChannelStats.EMPTY : new ChannelStats(count, userCount(key));
    }

    private long userCount(Key key) {
        long[] n = {0};
        presence.computeIfPresent(key, (k, users) -> {
            n[0] = users.size();
            return users;
        });
        return n[0];
    }

    @Override
    public void cache(String appId, String channel, String frame, Duration ttl) {
        Instant now = clock.instant();
        cache.put(new Key(appId, channel), new Cached(frame, now.plus(ttl)));
        cache.values().removeIf(c -> c.until().isBefore(now)); // cache channels are few; keep the map bounded by use
    }

    @Override
    public Optional<String> cached(String appId, String channel) {
        Cached c = cache.get(new Key(appId, channel));
        return c == null || c.until().isBefore(clock.instant()) ? Optional.empty() : Optional.of(c.frame());
    }

    @Override
    public void terminateUser(String appId, String userId) {
        listener.terminateUser(appId, userId);
    }

    @Override
    public void close() {
        // nothing held outside this object
    }
}
