package com.traidnet.wificore.realtime.channels;

import com.traidnet.wificore.realtime.RealtimeSettings;
import com.traidnet.wificore.realtime.cluster.Broadcast;
import com.traidnet.wificore.realtime.cluster.Fanout;
import com.traidnet.wificore.realtime.protocol.ErrorCode;
import com.traidnet.wificore.realtime.protocol.Frames;
import com.traidnet.wificore.realtime.protocol.InboundMessage;
import com.traidnet.wificore.realtime.protocol.InboundMessage.MalformedFrame;
import com.traidnet.wificore.realtime.protocol.Signatures;
import com.traidnet.wificore.realtime.webhooks.WebhookEvent;
import com.traidnet.wificore.realtime.webhooks.Webhooks;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;

/**
 * Everything a client may say (Pusher protocol 7): ping, subscribe, unsubscribe, sign in,
 * client events. Runs on the connection's event loop. Protocol misuse gets a
 * {@code pusher:error} and the connection stays; only flooding closes it.
 */
final class ClientMessages {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final RealtimeSettings settings;
    private final SubscriptionGate gate;
    private final Occupancy occupancy;
    private final LocalChannels local;
    private final Fanout fanout;
    private final Webhooks webhooks;
    private final RealtimeMetrics metrics;

    ClientMessages(RealtimeSettings settings, SubscriptionGate gate, Occupancy occupancy, LocalChannels local,
                   Fanout fanout, Webhooks webhooks, RealtimeMetrics metrics) {
        this.settings = settings;
        this.gate = gate;
        this.occupancy = occupancy;
        this.local = local;
        this.fanout = fanout;
        this.webhooks = webhooks;
        this.metrics = metrics;
    }

    void handle(Connection c, String text) {
        if (c.closing()) {
            return; // frames that were in flight when we decided to close it
        }
        String app = c.app().id();
        metrics.received(app, text.length());
        if (!c.allowMessage(System.nanoTime())) {
            metrics.rejected(app, "flood");
            c.send(Frames.error(ErrorCode.RATE_LIMITED.code(), "Flooding: more than " + settings.messagesPerSecond()
                    + " messages per second"));
            c.close(ErrorCode.RATE_LIMITED.code(), "flooding");
            return;
        }
        try {
            dispatch(c, InboundMessage.parse(text));
        } catch (MalformedFrame e) {
            metrics.rejected(app, "malformed");
            c.send(Frames.error((Integer) null, e.getMessage()));
        }
    }

    private void dispatch(Connection c, InboundMessage m) throws MalformedFrame {
        switch (m.event()) {
            case "pusher:ping" -> c.send(Frames.pong());
            case "pusher:pong" -> {
                // activity is noted by the socket handler for every frame
            }
            case "pusher:subscribe" -> subscribe(c, m);
            case "pusher:unsubscribe" -> occupancy.leave(c, m.dataText("channel"));
            case "pusher:signin" -> signIn(c, m);
            default -> {
                if (m.event().startsWith("client-")) {
                    clientEvent(c, m);
                } else {
                    metrics.rejected(c.app().id(), "unknown_event");
                    c.send(Frames.error((Integer) null, "unsupported event " + m.event()));
                }
            }
        }
    }

    private void subscribe(Connection c, InboundMessage m) throws MalformedFrame {
        String channel = m.dataText("channel");
        if (channel != null && c.subscriptions().containsKey(channel)) {
            return; // already subscribed: pusher-js re-subscribes after reconnects only
        }
        switch (gate.admit(c, channel, m.dataText("auth"), m.dataText("channel_data"))) {
            case Admission.Granted granted -> occupancy.join(c, granted.subscription());
            case Admission.Refused refused -> {
                metrics.rejected(c.app().id(), "subscription");
                c.send(Frames.subscriptionError(channel, refused.type(), refused.error(), refused.status()));
            }
        }
    }

    private void signIn(Connection c, InboundMessage m) throws MalformedFrame {
        String userData = m.dataText("user_data");
        String auth = m.dataText("auth");
        String userId = userData == null ? null : userId(userData);
        if (userId == null || auth == null || !Signatures.same(Signatures.userAuth(c.app(), c.socketId(), userData), auth)) {
            metrics.rejected(c.app().id(), "signin");
            c.send(Frames.error(ErrorCode.UNAUTHORIZED, "invalid user authentication"));
            c.close(ErrorCode.UNAUTHORIZED.code(), "invalid user authentication");
            return;
        }
        if (c.userId() != null) {
            local.removeUser(c, c.userId());
        }
        c.signedIn(userId);
        local.addUser(c, userId);
        c.send(Frames.signinSuccess(userData));
    }

    private static String userId(String userData) {
        try {
            var node = JSON.readTree(userData);
            var id = node == null ? null : node.get("id");
            return id != null && (id.isString() || id.isIntegralNumber()) && !id.asString().isEmpty() ? id.asString()
                    : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private void clientEvent(Connection c, InboundMessage m) {
        String app = c.app().id();
        Subscription s = m.channel() == null ? null : c.subscriptions().get(m.channel());
        String refusal = s == null ? "client events need a channel this connection is subscribed to"
                : !s.channel().kind().allowsClientEvents() ? "client events are only allowed on private and presence channels"
                : null;
        String data = m.dataJson();
        if (refusal == null && data.getBytes(StandardCharsets.UTF_8).length > settings.maxEventBytes()) {
            refusal = "client event data is larger than " + settings.maxEventBytes() + " bytes";
        }
        if (refusal != null) {
            metrics.rejected(app, "client_event");
            // docs/realtime.md: 4009 with the reason (4301 is kept for the rate limit)
            c.send(Frames.error(ErrorCode.UNAUTHORIZED.code(), refusal));
            return;
        }
        if (!c.allowClientEvent(System.nanoTime())) {
            metrics.rejected(app, "client_event_rate");
            c.send(Frames.error(ErrorCode.RATE_LIMITED, "more than " + settings.clientEventsPerSecond()
                    + " client events per second"));
            return;
        }
        String userId = s.member() == null ? null : s.member().userId();
        fanout.broadcast(new Broadcast(app, m.channel(), Frames.clientEvent(m.channel(), m.event(), data, userId),
                c.socketId()));
        webhooks.add(c.app(), WebhookEvent.clientEvent(m.channel(), m.event(), data, c.socketId(), userId));
    }
}
