package com.traidnet.wificore.realtime.server;

import com.traidnet.wificore.realtime.RealtimeSettings;
import com.traidnet.wificore.realtime.channels.Connection;
import com.traidnet.wificore.realtime.channels.Hub;
import com.traidnet.wificore.realtime.protocol.ErrorCode;
import com.traidnet.wificore.realtime.protocol.Frames;
import com.traidnet.wificore.realtime.protocol.PusherApp;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.timeout.IdleStateHandler;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The first handler of every connection on the real-time port: {@code /app/{key}} with a
 * WebSocket upgrade becomes a Pusher connection, {@code /apps/...} is the HTTP API,
 * anything else 404. Pusher reports a bad key or protocol over the opened WebSocket
 * ({@code pusher:error}, then a close with the code), so the handshake happens first.
 */
final class HttpEntry extends SimpleChannelInboundHandler<FullHttpRequest> {

    private final Hub hub;
    private final HttpApi api;
    private final RealtimeSettings settings;
    private final int maxFrameBytes;

    HttpEntry(Hub hub, HttpApi api, RealtimeSettings settings, int maxFrameBytes) {
        this.hub = hub;
        this.api = api;
        this.settings = settings;
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            reply(ctx, request, ApiReply.badRequest("malformed HTTP request"));
            return;
        }
        var uri = new QueryStringDecoder(request.uri());
        String path = uri.path();
        if (path.startsWith("/app/") && "websocket".equalsIgnoreCase(request.headers().get(HttpHeaderNames.UPGRADE))) {
            upgrade(ctx, request, uri);
        } else if (path.startsWith("/apps/")) {
            List<String> segments = Arrays.stream(path.substring("/apps/".length()).split("/", -1))
                    .map(s -> QueryStringDecoder.decodeComponent(s)).toList();
            byte[] body = ByteBufUtil.getBytes(request.content());
            reply(ctx, request, api.handle(request.method().name(), path, segments, uri.parameters(), body));
        } else {
            reply(ctx, request, ApiReply.problem(404, "Not Found", "WebSocket clients connect to /app/{key};"
                    + " the HTTP API is under /apps/{id}/"));
        }
    }

    private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, QueryStringDecoder uri) {
        String location = "ws://" + request.headers().get(HttpHeaderNames.HOST, "localhost") + uri.path();
        var handshaker = new WebSocketServerHandshakerFactory(location, null, false, maxFrameBytes).newHandshaker(request);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return;
        }
        String key = uri.path().substring("/app/".length());
        PusherApp app = hub.apps().byKey(key).orElse(null);
        String protocol = uri.parameters().getOrDefault("protocol", List.of()).stream().findFirst().orElse(null);
        handshaker.handshake(ctx.channel(), request).addListener(done -> {
            if (!done.isSuccess()) {
                ctx.close();
                return;
            }
            ErrorCode refusal = app == null ? ErrorCode.APP_NOT_FOUND : protocolError(protocol);
            if (refusal != null) {
                refuse(ctx, refusal);
                return;
            }
            Connection c = hub.open(app, ctx.channel());
            if (c == null) {
                refuse(ctx, ErrorCode.APP_OVER_QUOTA);
                return;
            }
            long idle = settings.activityTimeout().toMillis();
            ctx.pipeline().addBefore(ctx.name(), "idle", new IdleStateHandler(idle, 0, 0, TimeUnit.MILLISECONDS));
            ctx.pipeline().replace(this, "pusher", new PusherSocket(hub, c, settings.pongTimeout()));
        });
    }

    /** Pusher protocol versions 5–7 share the frames this server speaks; pusher-js sends 7. */
    private static ErrorCode protocolError(String protocol) {
        if (protocol == null || protocol.isBlank()) {
            return ErrorCode.NO_PROTOCOL;
        }
        try {
            int version = Integer.parseInt(protocol.trim());
            return version >= 5 && version <= 7 ? null : ErrorCode.UNSUPPORTED_PROTOCOL;
        } catch (NumberFormatException e) {
            return ErrorCode.UNSUPPORTED_PROTOCOL;
        }
    }

    private static void refuse(ChannelHandlerContext ctx, ErrorCode code) {
        ctx.write(new TextWebSocketFrame(Frames.error(code, null)));
        ctx.writeAndFlush(new CloseWebSocketFrame(code.code(), code.message())).addListener(ChannelFutureListener.CLOSE);
    }

    private static void reply(ChannelHandlerContext ctx, FullHttpRequest request, ApiReply reply) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(reply.status()),
                Unpooled.wrappedBuffer(reply.body().getBytes(StandardCharsets.UTF_8)));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType() + "; charset=utf-8");
        HttpUtil.setContentLength(response, response.content().readableBytes());
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
