package com.traidnet.wificore.realtime.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How real-time nodes share deliveries and channel state (soketi's "adapter"):
 * {@link LocalFanout} for one node, {@link RedisFanout} behind a load balancer. Counts,
 * presence members and the cache are cluster-wide; the caller keeps its own connections.
 * Methods are called from Netty event loops, so implementations must not block for long.
 */
public interface Fanout extends AutoCloseable {

    /** Starts the adapter; remote deliveries and cluster changes go to {@code listener}. */
    void start(ClusterListener listener);

    /** Delivers {@code message} to subscribers on every node, this one included. */
    void broadcast(Broadcast message);

    /** A connection on this node subscribed; returns the channel's subscription count on all nodes after it. */
    long subscribed(String appId, String channel);

    /** A connection on this node unsubscribed or closed; returns the count on all nodes after it. */
    long unsubscribed(String appId, String channel);

    /**
     * A connection on this node joined a presence channel as {@code member}.
     *
     * @return whether the user had no other connection in the channel on any node (announce {@code member_added})
     */
    boolean joined(String appId, String channel, String socketId, Member member);

    /**
     * A connection on this node left a presence channel.
     *
     * @return whether it was the user's last connection in the channel on any node (announce {@code member_removed})
     */
    boolean left(String appId, String channel, String socketId, String userId);

    /** The distinct users of a presence channel on all nodes. */
    List<Member> members(String appId, String channel);

    /** Occupied channels whose name starts with {@code prefix} ("" for all), on all nodes. */
    Map<String, ChannelStats> channels(String appId, String prefix);

    /** One channel's occupancy on all nodes ({@link ChannelStats#EMPTY} when vacant). */
    ChannelStats channel(String appId, String channel);

    /** Keeps a cache channel's last event frame for {@code ttl}. */
    void cache(String appId, String channel, String frame, Duration ttl);

    /** A cache channel's last event frame, if still kept. */
    Optional<String> cached(String appId, String channel);

    /** Closes every connection signed in as {@code userId}, on all nodes. */
    void terminateUser(String appId, String userId);

    @Override
    void close();
}
