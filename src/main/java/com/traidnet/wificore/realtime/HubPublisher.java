package com.traidnet.wificore.realtime;

import com.traidnet.wificore.realtime.channels.Hub;
import com.traidnet.wificore.realtime.protocol.PusherApps;
import com.traidnet.wificore.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/** {@link RealtimePublisher} straight into this node's hub (and through it to every node). */
@Component
class HubPublisher implements RealtimePublisher {

    private static final Logger log = LoggerFactory.getLogger(HubPublisher.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Hub hub;
    private final PusherApps apps;

    HubPublisher(Hub hub, PusherApps apps) {
        this.hub = hub;
        this.apps = apps;
    }

    @Override
    public void publish(TenantId tenant, String topic, String event, Object data) {
        if (!TenantChannels.validTopic(topic)) {
            throw new IllegalArgumentException("invalid real-time topic: " + topic);
        }
        try {
            String json = data instanceof String s ? s : JSON.writeValueAsString(data);
            hub.publish(apps.primary(), List.of(RealtimePublisher.tenantChannel(tenant, topic)), event, json, null);
        } catch (RuntimeException e) {
            // a live update is a convenience: losing one must never fail the business write behind it
            log.warn("real-time publish of {} to tenant {} failed: {}", event, tenant, e.toString());
        }
    }
}
