package com.traidnet.wificore.realtime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * {@code wificore.realtime.*} (environment {@code WIFICORE_REALTIME_*}; the port also as
 * {@code WIFICORE_WS_PORT}, the metrics port as {@code WIFICORE_WS_METRICS_PORT}, the app as
 * {@code WIFICORE_PUSHER_APP_ID/_KEY/_SECRET}, Redis as {@code WIFICORE_REDIS_URL}).
 *
 * @param enabled                  run the real-time role on this node
 * @param bindAddress              address the WebSocket/HTTP port and the metrics port bind to
 * @param port                     WebSocket and Pusher HTTP API port (0 = any free port)
 * @param metricsPort              Prometheus metrics port (0 = any free port, -1 = off)
 * @param appId                    Pusher app id (derived from the secret key when blank)
 * @param appKey                   Pusher app key (derived when blank)
 * @param appSecret                Pusher app secret (derived when blank)
 * @param encryptionMasterKey      base64 of 32 bytes for private-encrypted channels (derived when blank)
 * @param redisUrl                 Redis for fan-out across nodes; blank = this node only
 * @param nodeId                   this node's name in Redis (random when blank)
 * @param activityTimeout          announced to clients; a silent connection is pinged after it
 * @param pongTimeout              a pinged connection that stays silent this long is closed (4201)
 * @param maxConnections           connections per app on this node (4004 beyond)
 * @param maxEventBytes            largest event data (client event or HTTP API)
 * @param maxChannelNameLength     longest channel name
 * @param maxChannelsPerConnection subscriptions one connection may hold
 * @param maxPresenceMembers       distinct users in one presence channel
 * @param maxPresenceMemberBytes   largest presence {@code channel_data}
 * @param clientEventsPerSecond    client events a connection may send per second (4301 beyond)
 * @param messagesPerSecond        frames of any kind a connection may send per second (closed 4301 beyond)
 * @param maxBatchEvents           events in one {@code batch_events} call
 * @param maxEventChannels         channels one HTTP API event may name
 * @param cacheTtl                 how long a cache channel keeps its last event
 * @param webhookUrls              where webhooks go (none by default)
 * @param webhookBatchWindow       events collected into one webhook request
 * @param webhookRetries           attempts of a webhook request after the first
 * @param nodeHeartbeat            how often a node tells Redis it is alive (dead after 3 misses)
 */
@ConfigurationProperties("wificore.realtime")
public record RealtimeSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0.0.0.0") String bindAddress,
        @DefaultValue("6071") int port,
        @DefaultValue("9670") int metricsPort,
        @DefaultValue("") String appId,
        @DefaultValue("") String appKey,
        @DefaultValue("") String appSecret,
        @DefaultValue("") String encryptionMasterKey,
        @DefaultValue("") String redisUrl,
        @DefaultValue("") String nodeId,
        @DefaultValue("PT120S") Duration activityTimeout,
        @DefaultValue("PT30S") Duration pongTimeout,
        @DefaultValue("100000") int maxConnections,
        @DefaultValue("10240") int maxEventBytes,
        @DefaultValue("164") int maxChannelNameLength,
        @DefaultValue("100") int maxChannelsPerConnection,
        @DefaultValue("100") int maxPresenceMembers,
        @DefaultValue("1024") int maxPresenceMemberBytes,
        @DefaultValue("10") int clientEventsPerSecond,
        @DefaultValue("100") int messagesPerSecond,
        @DefaultValue("10") int maxBatchEvents,
        @DefaultValue("100") int maxEventChannels,
        @DefaultValue("PT30M") Duration cacheTtl,
        @DefaultValue("") List<String> webhookUrls,
        @DefaultValue("PT1S") Duration webhookBatchWindow,
        @DefaultValue("5") int webhookRetries,
        @DefaultValue("PT2S") Duration nodeHeartbeat) {

    public RealtimeSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("wificore.realtime.port must be 0..65535, not " + port);
        }
        if (metricsPort < -1 || metricsPort > 65535) {
            throw new IllegalArgumentException("wificore.realtime.metrics-port must be -1 (off) or 0..65535, not "
                    + metricsPort);
        }
        if (maxConnections < 1 || maxEventBytes < 1 || maxChannelNameLength < 1 || maxChannelsPerConnection < 1
                || maxPresenceMembers < 1 || maxPresenceMemberBytes < 1 || clientEventsPerSecond < 1
                || messagesPerSecond < 1 || maxBatchEvents < 1 || maxEventChannels < 1 || webhookRetries < 0) {
            throw new IllegalArgumentException("wificore.realtime limits must be at least 1");
        }
        for (Duration d : List.of(activityTimeout, pongTimeout, cacheTtl, webhookBatchWindow, nodeHeartbeat)) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("wificore.realtime durations must be positive, not " + d);
            }
        }
        webhookUrls = webhookUrls == null ? List.of()
                : webhookUrls.stream().map(String::trim).filter(u -> !u.isEmpty()).toList();
    }
}
