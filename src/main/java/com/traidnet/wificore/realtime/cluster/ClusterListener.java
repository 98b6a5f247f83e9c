package com.traidnet.wificore.realtime.cluster;

/** What a {@link Fanout} hands back to this node: deliveries from other nodes and cluster-wide changes. */
public interface ClusterListener {

    /** Deliver to this node's subscribers (skipping {@code exceptSocketId}). */
    void deliver(Broadcast message);

    /** Close this node's connections signed in as {@code userId}. */
    void terminateUser(String appId, String userId);

    /**
     * A user left a presence channel because the node holding their last connection died.
     * Called on one node only (the one that cleaned up after the dead node); the listener
     * announces {@code member_removed} to every node through {@link Fanout#broadcast}.
     */
    void memberGone(String appId, String channel, String userId);

    /**
     * A channel lost its last subscriber because a node died (for the {@code channel_vacated}
     * webhook). Called on one node only, like {@link #memberGone}.
     */
    void channelGone(String appId, String channel);

    /**
     * A user of this node is present again in a presence channel after the node restated its
     * share (Redis lost its data, or the node had been swept as dead and others announced
     * {@code member_removed}). The listener announces {@code member_added} through
     * {@link Fanout#broadcast}.
     */
    void memberBack(String appId, String channel, Member member);
}
