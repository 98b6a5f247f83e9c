package com.traidnet.wificore.radius.server;

import com.traidnet.wificore.platform.PortUnavailableException;
import com.traidnet.wificore.radius.nas.NasDirectory;
import com.traidnet.wificore.radius.packet.PacketCode;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * The two UDP sockets (authentication, accounting) on Netty. Network code only: each
 * datagram is copied out of Netty's buffer and given to its port's {@link RadiusEndpoint};
 * replies are written back from whatever thread finishes the request.
 */
@Component
public class RadiusServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RadiusServer.class);
    /** Larger than any legal packet, so an oversized datagram arrives whole and is refused, not truncated. */
    private static final int RECEIVE_BUFFER = 8192;

    private final RadiusSettings settings;
    private final RadiusEndpoint auth;
    private final RadiusEndpoint acct;
    private EventLoopGroup group;
    private Channel authChannel;
    private Channel acctChannel;
    private volatile boolean running;

    RadiusServer(RadiusSettings settings, NasDirectory nas, List<RequestHandler> handlers, RadiusMetrics metrics) {
        this.settings = settings;
        ReplayCache replays = new ReplayCache(settings.duplicateWindow());
        this.auth = new RadiusEndpoint(PacketCode.ACCESS_REQUEST, handler(handlers, "access"), nas, replays, metrics);
        this.acct = new RadiusEndpoint(PacketCode.ACCOUNTING_REQUEST, handler(handlers, "accounting"), nas, replays,
                metrics);
    }

    private static RequestHandler handler(List<RequestHandler> handlers, String type) {
        return handlers.stream().filter(h -> h.type().equals(type)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no RADIUS handler for " + type));
    }

    @Override
    public synchronized void start() {
        if (!settings.enabled() || running) {
            return;
        }
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        try {
            authChannel = bind(settings.authPort(), auth);
            acctChannel = bind(settings.acctPort(), acct);
        } catch (RuntimeException e) {
            group.shutdownGracefully();
            throw e;
        }
        running = true;
        log.info("RADIUS listening on {} udp/{} (auth) and udp/{} (accounting)", settings.bindAddress(),
                authPort(), acctPort());
    }

    private Channel bind(int port, RadiusEndpoint endpoint) {
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                .option(ChannelOption.SO_RCVBUF, 4 << 20)
                .option(ChannelOption.SO_SNDBUF, 4 << 20)
                .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(RECEIVE_BUFFER))
                .handler(new Inbound(endpoint));
        try {
            return bootstrap.bind(settings.bindAddress(), port).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding udp/" + port, e);
        } catch (Exception e) {
            throw new PortUnavailableException("RADIUS to " + settings.bindAddress() + " udp/" + port,
                    port == settings.authPort() ? "WIFICORE_RADIUS_AUTH_PORT" : "WIFICORE_RADIUS_ACCT_PORT", e);
        }
    }

    /** The bound authentication port (differs from the setting when that is 0). */
    public int authPort() {
        return ((InetSocketAddress) authChannel.localAddress()).getPort();
    }

    public int acctPort() {
        return ((InetSocketAddress) acctChannel.localAddress()).getPort();
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        authChannel.close().syncUninterruptibly();
        acctChannel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the accounting writer and the caches, before them on shutdown: no packet meets a closed store. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }

    private static final class Inbound extends SimpleChannelInboundHandler<DatagramPacket> {
        private final RadiusEndpoint endpoint;

        Inbound(RadiusEndpoint endpoint) {
            this.endpoint = endpoint;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket datagram) {
            ByteBuf content = datagram.content();
            byte[] bytes = new byte[content.readableBytes()];
            content.readBytes(bytes);
            InetSocketAddress sender = datagram.sender();
            Channel channel = ctx.channel();
            endpoint.receive(bytes, sender,
                    reply -> channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(reply), sender)));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // a UDP socket error (e.g. ICMP port unreachable) must never close the server socket
            log.debug("RADIUS socket error: {}", cause.toString());
        }
    }
}
