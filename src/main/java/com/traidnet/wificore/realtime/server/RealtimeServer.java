package com.traidnet.wificore.realtime.server;

import com.traidnet.wificore.realtime.RealtimeSettings;
import com.traidnet.wificore.realtime.channels.Hub;
import com.traidnet.wificore.realtime.channels.RealtimeMetrics;
import com.traidnet.wificore.platform.PortUnavailableException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * The real-time port (WebSocket + Pusher HTTP API) and the metrics port, on Netty. One
 * event-loop thread per core: a Pusher connection is mostly idle, so threads are never
 * the limit; memory per connection is (see bench/realtime).
 */
public final class RealtimeServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RealtimeServer.class);
    private final RealtimeSettings settings;
    private final Hub hub;
    private final HttpApi api;
    private final PrometheusMeterRegistry prometheus;
    private EventLoopGroup group;
    private Channel wsChannel;
    private Channel metricsChannel;

    public RealtimeServer(RealtimeSettings settings, Hub hub, RealtimeMetrics metrics, PrometheusMeterRegistry prometheus,
                          Clock clock) {
        this.settings = settings;
        this.hub = hub;
        this.api = new HttpApi(hub, settings, metrics, clock);
        this.prometheus = prometheus;
    }

    public void start() {
        group = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(), NioIoHandler.newFactory());
        try {
            // a subscribe frame carries channel_data and a signature next to the event-sized payload
            int maxFrame = settings.maxEventBytes() + settings.maxPresenceMemberBytes() + 2048;
            int maxBody = settings.maxBatchEvents() * (settings.maxEventBytes() + 4096) + 65536;
            wsChannel = bind(settings.port(), "WIFICORE_WS_PORT", new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    ch.pipeline().addLast("http", new HttpServerCodec())
                            .addLast("aggregate", new HttpObjectAggregator(maxBody))
                            .addLast("entry", new HttpEntry(hub, api, settings, maxFrame));
                }
            });
            if (settings.metricsPort() >= 0 && prometheus != null) {
                metricsChannel = bind(settings.metricsPort(), "WIFICORE_WS_METRICS_PORT", new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(4096),
                                new MetricsEndpoint(prometheus));
                    }
                });
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        log.info("real-time (Pusher protocol 7) listening on {} tcp/{}{}", settings.bindAddress(), port(),
                metricsChannel == null ? "" : ", metrics on tcp/" + metricsPort());
    }

    private Channel bind(int port, String setting, ChannelInitializer<SocketChannel> init) {
        var bootstrap = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                // past 1 MiB unsent a client is treated as too slow and dropped (LocalChannels)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(512 << 10, 1 << 20))
                .childHandler(init);
        try {
            return bootstrap.bind(settings.bindAddress(), port).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding tcp/" + port, e);
        } catch (Exception e) {
            throw new PortUnavailableException("the real-time server to " + settings.bindAddress() + " tcp/" + port,
                    setting, e);
        }
    }

    public int port() {
        return ((InetSocketAddress) wsChannel.localAddress()).getPort();
    }

    /** The bound metrics port, or -1 when metrics are off. */
    public int metricsPort() {
        return metricsChannel == null ? -1 : ((InetSocketAddress) metricsChannel.localAddress()).getPort();
    }

    @Override
    public void close() {
        if (wsChannel != null) {
            wsChannel.close().syncUninterruptibly();
        }
        if (metricsChannel != null) {
            metricsChannel.close().syncUninterruptibly();
        }
        if (group != null) {
            // open connections close with the group; clients see the socket end and reconnect elsewhere
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
