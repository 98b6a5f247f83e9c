package com.traidnet.wificore.realtime;

import com.traidnet.wificore.tenant.TenantId;

/**
 * How modules put live changes on a tenant's real-time channel, in process (no HTTP hop).
 * Events go to {@code private-tenant.{tenantId}.{topic}}; topic and event names are listed
 * in docs/realtime.md. Publishing never blocks on subscribers and never throws for them.
 */
public interface RealtimePublisher {

    /**
     * Publishes {@code data} (serialised to JSON) as {@code event} on the tenant's {@code topic}.
     *
     * @param topic a word like {@code sessions} or {@code payments} (letters, digits, {@code _-})
     */
    void publish(TenantId tenant, String topic, String event, Object data);

    /** The private channel of a tenant's topic: {@code private-tenant.{tenantId}.{topic}}. */
    static String tenantChannel(TenantId tenant, String topic) {
        return TenantChannels.PRIVATE + tenant + "." + topic;
    }
}
