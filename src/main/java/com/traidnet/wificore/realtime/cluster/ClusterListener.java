package com.traidnet.wificore.realtime.cluster;

/** What a {@link Fanout} hands back to this node: deliveries from other nodes and cluster-wide changes. */
public interface ClusterListener {

    /** Deliver to this node's subscribers (skipping {@code exceptSocketId}). */
    void deliver(Broadcast message);

    /** Close this node's connections signed in as {@code userId}. */
    void terminateUser(String appId, String userId);

    /**
     * A user left a presence channel because the node holding their last connection died:
     * announce {@code member_removed} to the subscribers on this node.
     */
    void memberGone(String appId, String channel, String userId);

    /** A channel lost its last subscriber because a node died (for the {@code channel_vacated} webhook). */
    void channelGone(String appId, String channel);
}
