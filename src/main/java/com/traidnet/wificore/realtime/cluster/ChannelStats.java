package com.traidnet.wificore.realtime.cluster;

/** A channel's occupancy across all nodes; {@code userCount} counts distinct presence users. */
public record ChannelStats(long subscriptionCount, long userCount) {

    public static final ChannelStats EMPTY = new ChannelStats(0, 0);

    public boolean occupied() {
        return subscriptionCount > 0;
    }
}
