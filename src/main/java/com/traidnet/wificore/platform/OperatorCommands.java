package com.traidnet.wificore.platform;

import com.traidnet.wificore.platform.db.EmbeddedDatabaseException;
import com.traidnet.wificore.platform.db.EmbeddedPostgres;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code java -jar wificore.jar <command> [args…]}: the platform without its network roles —
 * no HTTP server, no RADIUS, no scheduled work — runs one {@link CliCommand}, closes and exits
 * with the command's code. With the embedded database, a server the running platform already
 * serves on the same data directory is used as it is (never stopped or restarted); otherwise
 * one is started for the command and stopped after it.
 * Modules can tell by {@code wificore.operator-command} (set to the command's name) and
 * {@code wificore.scheduling.enabled=false}.
 * <p>
 * Words of the form {@code --name=value} are Spring settings (like the server's); all other words
 * after the command name go to the command.
 */
final class OperatorCommands {

    static final int USAGE = 2;

    private OperatorCommands() {
    }

    static boolean isCommand(String[] args) {
        return args.length > 0 && !args[0].startsWith("-");
    }

    static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        if (BackupCommands.handles(args)) {
            return BackupCommands.run(args, out, err); // no Spring context: restore runs with the platform stopped
        }
        var database = new AtomicReference<EmbeddedPostgres>();
        var context = new AtomicReference<ConfigurableApplicationContext>();
        Thread hook = new Thread(() -> close(context, database), "wificore-command-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Map<String, Object> settings = new HashMap<>();
            if (PlatformLauncher.setting("WIFICORE_DB_URL", null, args) == null) {
                Path dataDir = Path.of(PlatformLauncher.setting("WIFICORE_DATA_DIR", "data", args));
                database.set(EmbeddedPostgres.attachOrStart(dataDir,
                        PlatformLauncher.port(PlatformLauncher.setting("WIFICORE_DB_PORT", "5472", args))));
                settings.put("wificore.db.url", database.get().jdbcUrl());
                settings.put("wificore.db.user", database.get().username());
                settings.put("wificore.db.password", database.get().password());
                settings.put("wificore.db.embedded", "true");
            }
            var app = new SpringApplication(application);
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setBannerMode(Banner.Mode.OFF);
            app.setLogStartupInfo(false);
            app.setRegisterShutdownHook(false);
            app.addInitializers(c -> c.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("operatorCommand", settings)));
            context.set(app.run(springArguments(args)));
            return dispatch(context.get(), args, out, err);
        } catch (EmbeddedDatabaseException | IllegalArgumentException e) {
            err.println("wificore: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("wificore: " + args[0] + " failed: " + e);
            return 1;
        } finally {
            close(context, database);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
        }
    }

    private static int dispatch(ConfigurableApplicationContext context, String[] args, PrintStream out,
                                PrintStream err) {
        List<CliCommand> commands = context.getBeansOfType(CliCommand.class).values().stream()
                .sorted(Comparator.comparing(CliCommand::name)).toList();
        List<String> words = Arrays.stream(args).skip(1).filter(a -> !isSetting(a)).toList();
        if (args[0].equals("help")) {
            help(commands, out);
            return 0;
        }
        for (CliCommand command : commands) {
            if (command.name().equals(args[0])) {
                if (words.contains("--help") || words.contains("-h")) {
                    out.println(command.usage());
                    return 0;
                }
                return command.run(words, out, err);
            }
        }
        err.println("wificore: unknown command '" + args[0] + "'");
        help(commands, err);
        return USAGE;
    }

    private static void help(List<CliCommand> commands, PrintStream out) {
        out.println("usage: java -jar wificore.jar                     start the platform");
        out.println("       java -jar wificore.jar <command> [args…]   run an operator command and exit");
        out.println("commands:");
        out.println("  help");
        BackupCommands.USAGE.lines().forEach(line -> out.println("  " + line));
        commands.forEach(c -> c.usage().lines().forEach(line -> out.println("  " + line)));
    }

    /**
     * The command's settings as command-line arguments, so they are in place before logging and
     * {@code spring.main.*} are bound; the operator's own {@code --name=value} words win.
     */
    private static String[] springArguments(String[] args) {
        Map<String, String> defaults = new java.util.LinkedHashMap<>();
        defaults.put("wificore.operator-command", args[0]);
        defaults.put("spring.main.keep-alive", "false");
        defaults.put("wificore.radius.enabled", "false");
        defaults.put("wificore.realtime.enabled", "false");
        defaults.put("wificore.jobs.enabled", "false"); // a command never works the queue
        defaults.put("wificore.scheduling.enabled", "false");
        defaults.put("wificore.partitions.catch-up", "false");
        defaults.put("logging.level.root", "warn"); // the command's output, not the platform's log
        List<String> given = Arrays.stream(args).filter(OperatorCommands::isSetting).toList();
        given.forEach(a -> defaults.remove(a.substring(2, a.indexOf('='))));
        List<String> all = new java.util.ArrayList<>();
        defaults.forEach((k, v) -> all.add("--" + k + "=" + v));
        all.addAll(given);
        return all.toArray(String[]::new);
    }

    private static boolean isSetting(String arg) {
        return arg.startsWith("--") && arg.indexOf('=') > 2;
    }

    private static synchronized void close(AtomicReference<ConfigurableApplicationContext> context,
                                           AtomicReference<EmbeddedPostgres> database) {
        ConfigurableApplicationContext running = context.getAndSet(null);
        if (running != null) {
            running.close();
        }
        EmbeddedPostgres db = database.getAndSet(null);
        if (db != null) {
            db.close(); // a no-op for a server the running platform owns
        }
    }
}
