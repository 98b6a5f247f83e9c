package com.traidnet.wificore.realtime.server;

import com.traidnet.wificore.realtime.channels.Connection;
import com.traidnet.wificore.realtime.channels.Hub;
import com.traidnet.wificore.realtime.protocol.ErrorCode;
import com.traidnet.wificore.realtime.protocol.Frames;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.timeout.IdleStateEvent;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A Pusher connection's frames after the handshake. Text frames go to the {@link Hub};
 * WebSocket pings are answered; a connection silent for the activity timeout gets a
 * {@code pusher:ping} and is closed with 4201 if it stays silent for the pong timeout.
 */
final class PusherSocket extends SimpleChannelInboundHandler<WebSocketFrame> {

    private final Hub hub;
    private final Connection connection;
    private final Duration pongTimeout;
    private ScheduledFuture<?> pongDeadline;

    PusherSocket(Hub hub, Connection connection, Duration pongTimeout) {
        this.hub = hub;
        this.connection = connection;
        this.pongTimeout = pongTimeout;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (pongDeadline != null) {
            pongDeadline.cancel(false); // any frame proves the client is alive
            pongDeadline = null;
        }
        switch (frame) {
            case TextWebSocketFrame text -> hub.message(connection, text.text());
            case PingWebSocketFrame ping -> ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
            case PongWebSocketFrame pong -> {
                // liveness only
            }
            case CloseWebSocketFrame close -> ctx.writeAndFlush(close.retainedDuplicate())
                    .addListener(ChannelFutureListener.CLOSE);
            case BinaryWebSocketFrame binary -> connection.send(Frames.error((Integer) null,
                    "binary frames are not part of the Pusher protocol"));
            case ContinuationWebSocketFrame continuation -> connection.send(Frames.error((Integer) null,
                    "fragmented messages are not supported"));
            default -> {
            }
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent && pongDeadline == null) {
            connection.send(Frames.ping());
            pongDeadline = ctx.executor().schedule(
                    () -> connection.close(ErrorCode.PONG_TIMEOUT.code(), ErrorCode.PONG_TIMEOUT.message()),
                    pongTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (pongDeadline != null) {
            pongDeadline.cancel(false);
        }
        hub.closed(connection);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // a protocol violation (e.g. a frame over the size limit) was already answered by the decoder
        ctx.close();
    }
}
