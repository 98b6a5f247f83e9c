package com.traidnet.wificore.realtime.cluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One node's share of the cluster-wide channel state, kept in memory as the node's connections
 * change it, whether or not Redis took the change: subscriptions per channel and the presence
 * sockets with their members. {@link RedisFanout} restates Redis from it.
 */
final class Share {

    record Channel(String appId, String channel) {
    }

    record Present(String appId, String channel, String socketId, Member member) {
    }

    private record Socket(String appId, String channel, String socketId) {
    }

    private final Map<Channel, Long> counts = new ConcurrentHashMap<>();
    private final Map<Socket, Member> presence = new ConcurrentHashMap<>();

    void subscribed(String appId, String channel) {
        counts.merge(new Channel(appId, channel), 1L, Long::sum);
    }

    void unsubscribed(String appId, String channel) {
        counts.computeIfPresent(new Channel(appId, channel), (k, n) -> n <= 1 ? null : n - 1);
    }

    void joined(String appId, String channel, String socketId, Member member) {
        presence.putIfAbsent(new Socket(appId, channel, socketId), member);
    }

    void left(String appId, String channel, String socketId) {
        presence.remove(new Socket(appId, channel, socketId));
    }

    /** A copy: subscriptions per channel. */
    Map<Channel, Long> counts() {
        return Map.copyOf(counts);
    }

    /** A copy: every presence socket. */
    List<Present> present() {
        return presence.entrySet().stream()
                .map(e -> new Present(e.getKey().appId(), e.getKey().channel(), e.getKey().socketId(), e.getValue()))
                .toList();
    }
}
