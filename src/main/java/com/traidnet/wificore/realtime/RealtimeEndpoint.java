package com.traidnet.wificore.realtime;

import com.traidnet.wificore.realtime.channels.Hub;
import com.traidnet.wificore.realtime.channels.RealtimeMetrics;
import com.traidnet.wificore.realtime.server.RealtimeServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** Starts and stops the real-time ports with the application (when this node has the role). */
@Component
public class RealtimeEndpoint implements SmartLifecycle {

    private final RealtimeSettings settings;
    private final RealtimeServer server;
    private volatile boolean running;

    RealtimeEndpoint(RealtimeSettings settings, Hub hub, RealtimeMetrics metrics,
                     ObjectProvider<PrometheusMeterRegistry> prometheus, Clock clock) {
        this.settings = settings;
        this.server = new RealtimeServer(settings, hub, metrics, prometheus.getIfAvailable(), clock);
    }

    @Override
    public synchronized void start() {
        if (settings.enabled() && !running) {
            server.start();
            running = true;
        }
    }

    @Override
    public synchronized void stop() {
        if (running) {
            running = false;
            server.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The bound WebSocket/HTTP API port (differs from the setting when that is 0), or -1 when off. */
    public int port() {
        return running ? server.port() : -1;
    }

    /** The bound metrics port, or -1 when off. */
    public int metricsPort() {
        return running ? server.metricsPort() : -1;
    }
}
