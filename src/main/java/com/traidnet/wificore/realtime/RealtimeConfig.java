package com.traidnet.wificore.realtime;

import com.traidnet.wificore.platform.SecretBox;
import com.traidnet.wificore.realtime.channels.Hub;
import com.traidnet.wificore.realtime.channels.RealtimeMetrics;
import com.traidnet.wificore.realtime.cluster.Fanout;
import com.traidnet.wificore.realtime.cluster.LocalFanout;
import com.traidnet.wificore.realtime.cluster.RedisFanout;
import com.traidnet.wificore.realtime.protocol.PusherApp;
import com.traidnet.wificore.realtime.protocol.PusherApps;
import com.traidnet.wificore.realtime.webhooks.HttpWebhooks;
import com.traidnet.wificore.realtime.webhooks.Webhooks;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** Wires the real-time module: the app, the fan-out adapter, webhooks and the hub. */
@Configuration(proxyBeanMethods = false)
class RealtimeConfig {

    @Bean
    PusherApps pusherApps(RealtimeSettings settings, SecretBox secrets) {
        return new PusherApps(List.of(app(settings, secrets)));
    }

    /**
     * The configured app, or one derived from the platform secret key: stable across
     * restarts and the same on every node that shares the key, without a file of its own.
     */
    static PusherApp app(RealtimeSettings s, SecretBox secrets) {
        var hex = HexFormat.of();
        String id = s.appId().isBlank()
                ? Long.toString(Math.floorMod(java.nio.ByteBuffer.wrap(secrets.derive("realtime.app-id")).getLong(),
                1_000_000_000L)) : s.appId();
        String key = s.appKey().isBlank() ? hex.formatHex(secrets.derive("realtime.app-key"), 0, 10) : s.appKey();
        String secret = s.appSecret().isBlank() ? hex.formatHex(secrets.derive("realtime.app-secret"), 0, 16)
                : s.appSecret();
        byte[] master = s.encryptionMasterKey().isBlank() ? secrets.derive("realtime.encryption-master-key")
                : Base64.getDecoder().decode(s.encryptionMasterKey().trim());
        if (master.length != 32) {
            throw new IllegalArgumentException("wificore.realtime.encryption-master-key must be the base64 of 32 bytes");
        }
        return new PusherApp(id, key, secret, master);
    }

    /** In-process on one node; Redis pub/sub and shared state when {@code WIFICORE_REDIS_URL} is set. */
    @Bean(destroyMethod = "close")
    Fanout realtimeFanout(RealtimeSettings settings, Clock clock) {
        return settings.redisUrl().isBlank() ? new LocalFanout(clock)
                : new RedisFanout(settings.redisUrl(), settings.nodeId(), settings.nodeHeartbeat(), clock);
    }

    @Bean(destroyMethod = "close")
    HttpWebhooks realtimeWebhooks(RealtimeSettings settings, Clock clock) {
        return new HttpWebhooks(settings.webhookUrls(), settings.webhookBatchWindow(), settings.webhookRetries(), clock);
    }

    @Bean
    RealtimeMetrics realtimeMetrics(MeterRegistry registry) {
        return new RealtimeMetrics(registry);
    }

    @Bean
    Hub realtimeHub(RealtimeSettings settings, PusherApps apps, Fanout fanout, HttpWebhooks webhooks,
                    RealtimeMetrics metrics) {
        Webhooks sink = webhooks.enabled() ? webhooks : Webhooks.NONE;
        return new Hub(settings, apps, fanout, sink, metrics);
    }
}
