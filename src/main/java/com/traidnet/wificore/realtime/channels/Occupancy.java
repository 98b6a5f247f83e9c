package com.traidnet.wificore.realtime.channels;

import com.traidnet.wificore.realtime.cluster.Broadcast;
import com.traidnet.wificore.realtime.cluster.Fanout;
import com.traidnet.wificore.realtime.cluster.Member;
import com.traidnet.wificore.realtime.protocol.ChannelKind;
import com.traidnet.wificore.realtime.protocol.Frames;
import com.traidnet.wificore.realtime.protocol.PusherApp;
import com.traidnet.wificore.realtime.webhooks.WebhookEvent;
import com.traidnet.wificore.realtime.webhooks.Webhooks;

/**
 * Joining and leaving channels once admitted: this node's registry, the cluster-wide
 * counts (first subscriber → {@code channel_occupied}, last → {@code channel_vacated}),
 * presence membership (a user's first connection → {@code member_added}, last →
 * {@code member_removed}) and the cache channels' replay.
 */
final class Occupancy {

    private final Fanout fanout;
    private final LocalChannels local;
    private final Webhooks webhooks;
    private final RealtimeMetrics metrics;

    Occupancy(Fanout fanout, LocalChannels local, Webhooks webhooks, RealtimeMetrics metrics) {
        this.fanout = fanout;
        this.local = local;
        this.webhooks = webhooks;
        this.metrics = metrics;
    }

    void join(Connection c, Subscription s) {
        PusherApp app = c.app();
        String name = s.channel().name();
        c.subscriptions().put(name, s);
        local.add(c, name);
        metrics.subscribed(app.id(), 1);
        if (fanout.subscribed(app.id(), name) == 1) {
            webhooks.add(app, WebhookEvent.occupied(name));
        }
        if (s.channel().kind() == ChannelKind.PRESENCE) {
            boolean first = fanout.joined(app.id(), name, c.socketId(), s.member());
            c.send(Frames.presenceSucceeded(name, fanout.members(app.id(), name)));
            if (first) {
                fanout.broadcast(new Broadcast(app.id(), name,
                        Frames.memberAdded(name, s.member().userId(), s.member().userInfo()), c.socketId()));
                webhooks.add(app, WebhookEvent.memberAdded(name, s.member().userId()));
            }
        } else {
            c.send(Frames.subscriptionSucceeded(name));
        }
        if (s.channel().cache()) {
            c.send(fanout.cached(app.id(), name).orElseGet(() -> Frames.cacheMiss(name)));
        }
    }

    void leave(Connection c, String name) {
        Subscription s = c.subscriptions().remove(name);
        if (s == null) {
            return;
        }
        PusherApp app = c.app();
        local.remove(c, name);
        metrics.subscribed(app.id(), -1);
        if (s.member() != null && fanout.left(app.id(), name, c.socketId(), s.member().userId())) {
            memberGone(app, name, s.member().userId());
        }
        if (fanout.unsubscribed(app.id(), name) == 0) {
            webhooks.add(app, WebhookEvent.vacated(name));
        }
    }

    /** A user's last connection left a presence channel (here or on a node that died). */
    void memberGone(PusherApp app, String channel, String userId) {
        fanout.broadcast(new Broadcast(app.id(), channel, Frames.memberRemoved(channel, userId), null));
        webhooks.add(app, WebhookEvent.memberRemoved(channel, userId));
    }

    /** A user is present again after this node restated its share in Redis. */
    void memberBack(PusherApp app, String channel, Member member) {
        fanout.broadcast(new Broadcast(app.id(), channel, Frames.memberAdded(channel, member.userId(),
                member.userInfo()), null));
        webhooks.add(app, WebhookEvent.memberAdded(channel, member.userId()));
    }

    void leaveAll(Connection c) {
        for (String name : c.subscriptions().keySet().toArray(String[]::new)) {
            leave(c, name);
        }
    }
}
