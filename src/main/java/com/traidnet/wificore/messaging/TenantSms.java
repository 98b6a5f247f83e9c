package com.traidnet.wificore.messaging;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.traidnet.wificore.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Sends a tenant's text messages: through the tenant's own Africa's Talking application when its settings name one
 * (Settings → SMS), not at all when they say {@code off}, else through the platform's provider
 * ({@code WIFICORE_SMS_*}). Each tenant's choice is cached for a minute on each node (evicted at once on the node
 * that saves a change), so a change reaches every node within a minute.
 */
@Component
public class TenantSms {

    private static final Logger log = LoggerFactory.getLogger(TenantSms.class);

    /** The sender for one tenant; null = SMS off. */
    private record Route(SmsSender sender, String provider) {
    }

    private final SmsSender platform;
    private final SmsAccounts accounts;
    private final SmsSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Cache<TenantId, Route> routes = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(10_000).build();

    TenantSms(SmsSender platform, SmsAccounts accounts, SmsSettings settings) {
        this.platform = platform;
        this.accounts = accounts;
        this.settings = settings;
    }

    /**
     * Sends one message for {@code tenant}; best-effort for callers, as {@link SmsSender#send}.
     *
     * @return the provider that took it ({@code platform} or {@code africastalking}), or {@code off}
     * @throws SmsSender.SmsFailedException when the provider refused it or could not be reached
     */
    public String send(TenantId tenant, String to, String message) {
        Route route = routes.get(tenant, this::route);
        if (route.sender() == null) {
            log.info("SMS to {} ({} characters) not sent: SMS is off for tenant {}", to, message.length(), tenant);
            return route.provider();
        }
        route.sender().send(to, message);
        return route.provider();
    }

    /**
     * What a message for {@code tenant} would go through now: {@code africastalking}, {@code platform},
     * {@code off}, or {@code log} (the platform's route, but no provider is configured: only logged).
     */
    String effectiveRoute(TenantId tenant) {
        Route route = routes.get(tenant, this::route);
        return route.sender() instanceof LogSmsSender ? "log" : route.provider();
    }

    void forget(TenantId tenant) {
        routes.invalidate(tenant);
    }

    private Route route(TenantId tenant) {
        return accounts.credentials(tenant).map(c -> switch (c.provider()) {
            case "africastalking" -> new Route(new AfricasTalkingSmsSender(http, settings.url(), c.username(),
                    c.apiKey(), c.sender()), "africastalking");
            case "off" -> new Route(null, "off");
            default -> new Route(platform, "platform");
        }).orElse(new Route(platform, "platform"));
    }
}
