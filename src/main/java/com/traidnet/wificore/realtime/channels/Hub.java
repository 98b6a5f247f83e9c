package com.traidnet.wificore.realtime.channels;

import com.traidnet.wificore.realtime.RealtimeSettings;
import com.traidnet.wificore.realtime.cluster.Broadcast;
import com.traidnet.wificore.realtime.cluster.ChannelStats;
import com.traidnet.wificore.realtime.cluster.ClusterListener;
import com.traidnet.wificore.realtime.cluster.Fanout;
import com.traidnet.wificore.realtime.cluster.Member;
import com.traidnet.wificore.realtime.protocol.ChannelName;
import com.traidnet.wificore.realtime.protocol.ErrorCode;
import com.traidnet.wificore.realtime.protocol.Frames;
import com.traidnet.wificore.realtime.protocol.PusherApp;
import com.traidnet.wificore.realtime.protocol.PusherApps;
import com.traidnet.wificore.realtime.webhooks.WebhookEvent;
import com.traidnet.wificore.realtime.webhooks.Webhooks;
import io.netty.channel.Channel;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The real-time core of one node: connections come and go, frames arrive, events are
 * published; subscriptions, presence and delivery go through the {@link Fanout}, so the
 * same code serves one node or many. Also receives what other nodes send.
 */
public final class Hub implements ClusterListener {

    private final RealtimeSettings settings;
    private final PusherApps apps;
    private final Fanout fanout;
    private final LocalChannels local;
    private final Occupancy occupancy;
    private final ClientMessages messages;
    private final RealtimeMetrics metrics;
    private final Webhooks webhooks;

    public Hub(RealtimeSettings settings, PusherApps apps, Fanout fanout, Webhooks webhooks, RealtimeMetrics metrics) {
        this.settings = settings;
        this.apps = apps;
        this.fanout = fanout;
        this.metrics = metrics;
        this.webhooks = webhooks;
        this.local = new LocalChannels(metrics);
        this.occupancy = new Occupancy(fanout, local, webhooks, metrics);
        this.messages = new ClientMessages(settings, new SubscriptionGate(settings, fanout), occupancy, local, fanout,
                webhooks, metrics);
        apps.all().forEach(app -> metrics.appGauges(app.id(), local, l -> l.connections(app.id())));
        fanout.start(this);
    }

    public PusherApps apps() {
        return apps;
    }

    /** A WebSocket was accepted for {@code app}: the connection, or null when the app is at its limit. */
    public Connection open(PusherApp app, Channel channel) {
        if (!local.admit(app.id(), settings.maxConnections())) {
            metrics.rejected(app.id(), "over_quota");
            return null;
        }
        metrics.connected(app.id());
        Connection c = new Connection(socketId(), app, channel, settings.messagesPerSecond(),
                settings.clientEventsPerSecond());
        c.send(Frames.connectionEstablished(c.socketId(), settings.activityTimeout().toSeconds()));
        return c;
    }

    /** Pusher socket ids look like {@code 123.456}; pusher-js and the SDKs check that form. */
    private static String socketId() {
        var random = ThreadLocalRandom.current();
        return random.nextLong(1, Long.MAX_VALUE) + "." + random.nextLong(1, Long.MAX_VALUE);
    }

    public void message(Connection c, String text) {
        messages.handle(c, text);
    }

    /** The socket closed (any reason): leave every channel, forget the user. On the connection's event loop. */
    public void closed(Connection c) {
        occupancy.leaveAll(c);
        if (c.userId() != null) {
            local.removeUser(c, c.userId());
        }
        local.release(c.app().id());
        metrics.disconnected(c.app().id());
    }

    /**
     * Publishes an event on channels (HTTP API or in-process): every subscriber on every node
     * gets it, except {@code exceptSocketId}; cache channels keep it for late subscribers.
     */
    public void publish(PusherApp app, List<String> channels, String event, String data, String exceptSocketId) {
        for (String channel : channels) {
            String frame = Frames.event(channel, event, data);
            if (ChannelName.parse(channel, Integer.MAX_VALUE).map(ChannelName::cache).orElse(false)) {
                fanout.cache(app.id(), channel, frame, settings.cacheTtl());
            }
            fanout.broadcast(new Broadcast(app.id(), channel, frame, exceptSocketId));
        }
    }

    public Map<String, ChannelStats> channels(PusherApp app, String prefix) {
        return fanout.channels(app.id(), prefix);
    }

    public ChannelStats channel(PusherApp app, String channel) {
        return fanout.channel(app.id(), channel);
    }

    public List<Member> members(PusherApp app, String channel) {
        return fanout.members(app.id(), channel);
    }

    public void terminateConnections(PusherApp app, String userId) {
        fanout.terminateUser(app.id(), userId);
    }

    @Override
    public void deliver(Broadcast message) {
        local.deliver(message);
    }

    @Override
    public void terminateUser(String appId, String userId) {
        for (Connection c : local.userConnections(appId, userId)) {
            c.close(ErrorCode.UNAUTHORIZED.code(), "connections of this user were terminated");
        }
    }

    @Override
    public void memberGone(String appId, String channel, String userId) {
        apps.byId(appId).ifPresent(app -> occupancy.memberGone(app, channel, userId));
    }

    @Override
    public void memberBack(String appId, String channel, Member member) {
        apps.byId(appId).ifPresent(app -> occupancy.memberBack(app, channel, member));
    }

    @Override
    public void channelGone(String appId, String channel) {
        apps.byId(appId).ifPresent(app -> webhooks.add(app, WebhookEvent.vacated(channel)));
    }
}
