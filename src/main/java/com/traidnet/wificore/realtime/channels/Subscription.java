package com.traidnet.wificore.realtime.channels;

import com.traidnet.wificore.realtime.cluster.Member;
import com.traidnet.wificore.realtime.protocol.ChannelName;

/** One channel a connection is subscribed to; {@code member} is set on presence channels only. */
record Subscription(ChannelName channel, Member member) {
}
