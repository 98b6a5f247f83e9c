package com.traidnet.wificore.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * PostgreSQL LISTEN/NOTIFY for in-memory caches that must follow changes made on any
 * node (NAS registry, RADIUS authorize data). One dedicated connection, outside the pool
 * (a pooled connection is returned and reset; a listener must stay put), polled by one
 * daemon thread. Notifications sent while the connection was down are lost, so every
 * (re)connect calls each subscriber's {@code resync} first: caches drop everything and
 * reload lazily. Listeners run on the polling thread and must be quick.
 */
@Component
public class DatabaseNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DatabaseNotifications.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final int POLL_MILLIS = 250;

    private record Subscriber(Consumer<String> onPayload, Runnable resync) {
    }

    private final DataSource dataSource;
    private final Map<String, CopyOnWriteArrayList<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile boolean channelsChanged;
    private Thread poller;

    DatabaseNotifications(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Calls {@code onPayload} for every notification on {@code channel} and {@code resync}
     * whenever notifications may have been missed (at start and after a reconnect).
     */
    public void listen(String channel, Consumer<String> onPayload, Runnable resync) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("not a channel name: " + channel);
        }
        subscribers.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(new Subscriber(onPayload, resync));
        channelsChanged = true;
    }

    @Override
    public synchronized void start() {
        running = true;
        poller = Thread.ofPlatform().daemon().name("db-notifications").start(this::pollForever);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (poller != null) {
            poller.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void pollForever() {
        while (running) {
            try (Connection connection = open()) {
                PGConnection pg = connection.unwrap(PGConnection.class);
                channelsChanged = true;
                while (running) {
                    if (channelsChanged) {
                        channelsChanged = false;
                        subscribe(connection);
                    }
                    PGNotification[] batch = pg.getNotifications(POLL_MILLIS);
                    if (batch != null) {
                        for (PGNotification n : batch) {
                            dispatch(n.getName(), n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("database notifications interrupted, reconnecting: {}", e.getMessage());
                    pause();
                }
            }
        }
    }

    private void subscribe(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String channel : subscribers.keySet()) {
                st.execute("listen " + channel); // validated above, and LISTEN takes no parameters
            }
        }
        // anything may have changed while we were not listening
        subscribers.values().forEach(list -> list.forEach(s -> s.resync().run()));
    }

    private void dispatch(String channel, String payload) {
        for (Subscriber s : subscribers.getOrDefault(channel, new CopyOnWriteArrayList<>())) {
            try {
                s.onPayload().accept(payload);
            } catch (RuntimeException e) {
                log.warn("listener on {} failed: {}", channel, e.toString());
            }
        }
    }

    private Connection open() throws SQLException {
        if (dataSource instanceof HikariDataSource hikari) {
            Properties props = new Properties();
            if (hikari.getUsername() != null) {
                props.setProperty("user", hikari.getUsername());
            }
            if (hikari.getPassword() != null) {
                props.setProperty("password", hikari.getPassword());
            }
            props.setProperty("ApplicationName", "wificore-notifications");
            return DriverManager.getConnection(hikari.getJdbcUrl(), props);
        }
        return dataSource.getConnection();
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
