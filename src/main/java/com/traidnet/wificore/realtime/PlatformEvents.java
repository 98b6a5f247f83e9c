package com.traidnet.wificore.realtime;

import com.traidnet.wificore.radius.RadiusSessionStarted;
import com.traidnet.wificore.radius.RadiusSessionStopped;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Forwards the platform's own events to the tenants' channels (the table in
 * docs/realtime.md): RADIUS sessions today, payments and devices as those modules land.
 */
@Component
class PlatformEvents {

    static final String SESSIONS = "sessions";
    private final RealtimePublisher publisher;

    PlatformEvents(RealtimePublisher publisher) {
        this.publisher = publisher;
    }

    @EventListener
    void on(RadiusSessionStarted e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("sessionId", e.sessionId());
        data.put("acctSessionId", e.acctSessionId());
        data.put("username", e.username());
        data.put("nasIp", e.nasIp());
        data.put("framedIp", e.framedIp());
        data.put("callingStationId", e.callingStationId());
        data.put("startedAt", String.valueOf(e.startedAt()));
        publisher.publish(e.tenant(), SESSIONS, "session.started", data);
    }

    @EventListener
    void on(RadiusSessionStopped e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("sessionId", e.sessionId());
        data.put("acctSessionId", e.acctSessionId());
        data.put("username", e.username());
        data.put("nasIp", e.nasIp());
        data.put("stoppedAt", String.valueOf(e.stoppedAt()));
        data.put("sessionTime", e.sessionTime());
        data.put("inputOctets", e.inputOctets());
        data.put("outputOctets", e.outputOctets());
        data.put("cause", e.cause());
        publisher.publish(e.tenant(), SESSIONS, "session.stopped", data);
    }
}
