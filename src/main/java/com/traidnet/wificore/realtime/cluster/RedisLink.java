package com.traidnet.wificore.realtime.cluster;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One node's two Redis connections (commands, and pub/sub which Redis dedicates to
 * subscribing), both thread-safe and re-established by Lettuce after a drop.
 */
final class RedisLink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisLink.class);
    static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final int INBOX_CAPACITY = 100_000;

    private final ClientResources resources;
    private final RedisClient client;
    /**
     * Received messages are handled on one thread of our own, in order: the listener may call
     * back into the fan-out (a synchronous Redis call), which must not run on Lettuce's I/O thread.
     */
    private final ExecutorService inbox;
    private final AtomicLong dropped = new AtomicLong();
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile StatefulRedisPubSubConnection<String, String> pubsub;

    RedisLink(String redisUrl, String nodeId) {
        RedisURI uri = RedisURI.create(redisUrl);
        uri.setTimeout(TIMEOUT);
        // Lettuce's default reconnect backoff grows to 30 s: too long for a cluster to stay split
        // after Redis is back. Two I/O threads are plenty for two connections.
        resources = DefaultClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(2), 2,
                        TimeUnit.MILLISECONDS))
                .build();
        client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                // fail at once while disconnected instead of queueing: callers are event loops
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(TIMEOUT).keepAlive(true).build())
                .timeoutOptions(TimeoutOptions.enabled(TIMEOUT))
                .build());
        inbox = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(INBOX_CAPACITY),
                Thread.ofPlatform().daemon().name("wificore-rt-redis-inbox-" + nodeId).factory());
    }

    boolean connected() {
        return connection != null;
    }

    /** Opens both connections and subscribes to {@code channel}; false if already connected. */
    synchronized boolean connect(String channel, Consumer<String> onMessage) {
        if (connection != null) {
            return false;
        }
        StatefulRedisConnection<String, String> commands = client.connect(StringCodec.UTF8);
        try {
            StatefulRedisPubSubConnection<String, String> subscriber = client.connectPubSub(StringCodec.UTF8);
            subscriber.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String from, String message) {
                    receive(message, onMessage);
                }
            });
            subscriber.sync().subscribe(channel);
            pubsub = subscriber;
        } catch (RuntimeException e) {
            commands.close();
            throw e;
        }
        connection = commands;
        return true;
    }

    RedisCommands<String, String> redis() {
        StatefulRedisConnection<String, String> c = connection;
        if (c == null) {
            throw new RedisException("not connected to Redis");
        }
        return c.sync();
    }

    private void receive(String message, Consumer<String> onMessage) {
        try {
            inbox.execute(() -> onMessage.accept(message));
        } catch (RejectedExecutionException e) {
            long n = dropped.incrementAndGet();
            if (!inbox.isShutdown() && (n == 1 || n % 10_000 == 0)) {
                log.warn("{} cluster messages dropped: this node handles them slower than they arrive", n);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (inbox.isShutdown()) {
            return; // closed before
        }
        if (pubsub != null) {
            pubsub.close();
        }
        if (connection != null) {
            connection.close();
        }
        connection = null;
        pubsub = null;
        inbox.shutdown();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
        try {
            inbox.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
