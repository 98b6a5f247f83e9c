package com.traidnet.wificore.platform;

import com.traidnet.wificore.platform.db.EmbeddedDatabaseException;
import com.traidnet.wificore.platform.db.EmbeddedPostgres;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the platform: the embedded PostgreSQL first (when no external database is
 * configured), then the Spring context. Owns the shutdown order on SIGTERM: the context
 * (HTTP, pools) closes before the database stops, so nothing is cut off mid-write.
 * Start-up problems the operator can fix are reported in one line, without a stack trace.
 */
public final class PlatformLauncher {

    private PlatformLauncher() {
    }

    /** Starts everything; returns 0 once serving, or a non-zero exit code on start-up failure. */
    public static int run(Class<?> application, String[] args) {
        EmbeddedPostgres database = null;
        try {
            Map<String, Object> defaults = new HashMap<>();
            if (setting("WIFICORE_DB_URL", null) == null) {
                Path dataDir = Path.of(setting("WIFICORE_DATA_DIR", "data"));
                int port = Integer.parseInt(setting("WIFICORE_DB_PORT", "5472"));
                database = EmbeddedPostgres.start(dataDir, port);
                defaults.put("wificore.db.url", database.jdbcUrl());
                defaults.put("wificore.db.user", database.username());
                defaults.put("wificore.db.password", database.password());
                defaults.put("wificore.db.embedded", "true");
            }
            var app = new SpringApplication(application);
            app.setDefaultProperties(defaults);
            app.setRegisterShutdownHook(false);
            ConfigurableApplicationContext context = app.run(args);
            EmbeddedPostgres db = database;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                context.close();
                if (db != null) {
                    db.close();
                }
            }, "wificore-shutdown"));
            // the JVM stays up on spring.main.keep-alive until SIGTERM runs the hook above
            return 0;
        } catch (EmbeddedDatabaseException | NumberFormatException e) {
            System.err.println("wificore: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            // Spring has already printed its own failure analysis
            if (database != null) {
                database.close();
            }
            return 1;
        }
    }

    /** Environment variable, or the equivalent system property ({@code WIFICORE_DB_URL} → {@code wificore.db.url}). */
    static String setting(String env, String fallback) {
        String value = System.getenv(env);
        if (value == null || value.isBlank()) {
            value = System.getProperty(env.toLowerCase().replace('_', '.'));
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
