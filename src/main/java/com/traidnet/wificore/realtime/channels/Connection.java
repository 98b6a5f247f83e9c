package com.traidnet.wificore.realtime.channels;

import com.traidnet.wificore.realtime.protocol.PusherApp;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One WebSocket client. Its mutable state (subscriptions, signed-in user, rate windows) is
 * touched only on its Netty event loop — every inbound frame and the close run there — so
 * it needs no locks; deliveries from other threads only write to the socket.
 */
public final class Connection {

    private final String socketId;
    private final PusherApp app;
    private final Channel channel;
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final RateWindow messages;
    private final RateWindow clientEvents;
    private String userId;
    private volatile boolean closing;
    /** The delivery run (of this connection's event loop) that last wrote to it: flush once per run. */
    long flushRun;

    Connection(String socketId, PusherApp app, Channel channel, int messagesPerSecond, int clientEventsPerSecond) {
        this.socketId = socketId;
        this.app = app;
        this.channel = channel;
        this.messages = new RateWindow(messagesPerSecond);
        this.clientEvents = new RateWindow(clientEventsPerSecond);
    }

    public String socketId() {
        return socketId;
    }

    public PusherApp app() {
        return app;
    }

    Channel channel() {
        return channel;
    }

    Map<String, Subscription> subscriptions() {
        return subscriptions;
    }

    String userId() {
        return userId;
    }

    void signedIn(String userId) {
        this.userId = userId;
    }

    boolean allowMessage(long nowNanos) {
        return messages.allow(nowNanos);
    }

    boolean allowClientEvent(long nowNanos) {
        return clientEvents.allow(nowNanos);
    }

    /** Sends one frame (any thread). */
    public void send(String frame) {
        if (!closing) {
            channel.writeAndFlush(new TextWebSocketFrame(frame), channel.voidPromise());
        }
    }

    /** Sends a WebSocket close with a Pusher code, then closes the socket (any thread). */
    public void close(int code, String reason) {
        if (channel.eventLoop().inEventLoop()) {
            closeNow(code, reason);
        } else {
            channel.eventLoop().execute(() -> closeNow(code, reason));
        }
    }

    private void closeNow(int code, String reason) {
        if (closing) {
            return;
        }
        closing = true;
        channel.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(ChannelFutureListener.CLOSE);
    }

    boolean closing() {
        return closing;
    }
}
