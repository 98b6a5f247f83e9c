package com.traidnet.wificore.platform.db;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * A PostgreSQL server already running on a cluster directory, found through its
 * {@code postmaster.pid}: line 1 is the postmaster's process id, line 4 its port (PostgreSQL's
 * documented layout, {@code pidfile.h}). It counts as running only if that process is alive and
 * the port accepts a connection on 127.0.0.1, so a stale file left by a crash is not mistaken
 * for a server.
 */
final class RunningServer {

    private static final int CONNECT_TIMEOUT_MS = 1000;

    private RunningServer() {
    }

    /** The port of the server running on {@code cluster}, if one is. */
    static OptionalInt find(Path cluster) {
        Path pidFile = cluster.resolve("postmaster.pid");
        try {
            if (!Files.isReadable(pidFile)) {
                return OptionalInt.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 4) {
                return OptionalInt.empty(); // still being written: the server is starting or stopping
            }
            long pid = Long.parseLong(lines.get(0).trim());
            int port = Integer.parseInt(lines.get(3).trim());
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return alive && accepts(port) ? OptionalInt.of(port) : OptionalInt.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private static boolean accepts(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
