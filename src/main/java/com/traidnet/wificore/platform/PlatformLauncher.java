package com.traidnet.wificore.platform;

import com.traidnet.wificore.platform.db.EmbeddedDatabaseException;
import com.traidnet.wificore.platform.db.EmbeddedPostgres;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts the platform: the embedded PostgreSQL first (when no external database is
 * configured), then the Spring context. Owns the shutdown order on SIGTERM: the context
 * (HTTP, pools) closes before the database stops, so nothing is cut off mid-write.
 * Start-up problems the operator can fix are reported in one line, without a stack trace.
 */
public final class PlatformLauncher {

    private PlatformLauncher() {
    }

    /**
     * Starts everything; returns 0 once serving, or a non-zero exit code on start-up failure.
     * When the first argument is a word rather than an option ({@code partitions maintain},
     * {@code help}), runs that operator command instead and returns its exit code.
     */
    public static int run(Class<?> application, String[] args) {
        if (isCommand(args)) {
            return OperatorCommands.run(application, args, System.out, System.err);
        }
        var database = new AtomicReference<EmbeddedPostgres>();
        var context = new AtomicReference<ConfigurableApplicationContext>();
        // registered first, so that a SIGTERM during start-up still stops what was started
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ConfigurableApplicationContext running = context.get();
            if (running != null) {
                running.close();
            }
            EmbeddedPostgres db = database.get();
            if (db != null) {
                db.close();
            }
        }, "wificore-shutdown"));
        try {
            Map<String, Object> embedded = new HashMap<>();
            if (setting("WIFICORE_DB_URL", null, args) == null) {
                Path dataDir = Path.of(setting("WIFICORE_DATA_DIR", "data", args));
                database.set(EmbeddedPostgres.start(dataDir, port(setting("WIFICORE_DB_PORT", "5472", args))));
                embedded.put("wificore.db.url", database.get().jdbcUrl());
                embedded.put("wificore.db.user", database.get().username());
                embedded.put("wificore.db.password", database.get().password());
                embedded.put("wificore.db.embedded", "true"); // e.g. backups: only of the embedded server
            }
            var app = new SpringApplication(application);
            if (embedded.isEmpty()) {
                // an operator's own PostgreSQL means a real deployment: the Daraja simulator (which accepts
                // any credentials) stays off unless WIFICORE_BILLING_SIMULATOR_ENABLED=true says otherwise
                app.setDefaultProperties(Map.of("wificore.billing.simulator.enabled", "false"));
            }
            // the embedded server's coordinates win over anything else (a stray WIFICORE_DB_USER, say)
            app.addInitializers(c -> c.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("embeddedDatabase", embedded)));
            app.setRegisterShutdownHook(false);
            context.set(app.run(args));
            // the JVM stays up on spring.main.keep-alive until SIGTERM runs the hook above
            return 0;
        } catch (EmbeddedDatabaseException | IllegalArgumentException e) {
            System.err.println("wificore: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            return 1; // Spring has already printed its own failure analysis; the hook stops the database
        }
    }

    /** Whether these arguments name an operator command (then the process exits when it is done). */
    public static boolean isCommand(String[] args) {
        return OperatorCommands.isCommand(args);
    }

    /**
     * A setting read before Spring starts, from (first found) the command line
     * ({@code --wificore.db.url=…}), the system property ({@code -Dwificore.db.url=…}) or
     * the environment ({@code WIFICORE_DB_URL}). Blank counts as unset.
     */
    static String setting(String env, String fallback, String[] args) {
        String property = env.toLowerCase().replace('_', '.');
        String value = null;
        for (String arg : args) {
            if (arg.startsWith("--" + property + "=")) {
                value = arg.substring(property.length() + 3);
            }
        }
        if (value == null || value.isBlank()) {
            value = System.getProperty(property);
        }
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("WIFICORE_DB_PORT must be a port number (1-65535), not '" + text + "'");
    }
}
