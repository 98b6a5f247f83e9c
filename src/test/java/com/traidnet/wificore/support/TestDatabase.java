package com.traidnet.wificore.support;

import com.traidnet.wificore.platform.db.EmbeddedPostgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * One real PostgreSQL per test JVM: the same embedded server the platform runs, in a
 * temporary data directory on a free port, stopped when the JVM exits.
 */
public final class TestDatabase {

    private static EmbeddedPostgres server;
    private static Path dataDir;

    private TestDatabase() {
    }

    public static synchronized EmbeddedPostgres get() {
        if (server == null) {
            try {
                Path dir = Files.createTempDirectory("wificore-test-db-");
                dataDir = dir;
                // as root the database runs as an unprivileged account, which must be able to enter it
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
                server = EmbeddedPostgres.start(dir, freePort());
                Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return server;
    }

    /** The test JVM's data directory (also where the generated {@code secret.key} goes). */
    public static synchronized Path dataDir() {
        get();
        return dataDir;
    }

    public static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
