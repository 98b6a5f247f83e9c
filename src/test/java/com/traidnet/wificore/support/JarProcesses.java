package com.traidnet.wificore.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Helpers for tests that launch the packaged jar as an operator would. */
public final class JarProcesses {

    private JarProcesses() {
    }

    /** Waits until {@code /health} answers 200; fails if the process exits or time runs out. */
    public static void awaitHealthy(Process process, int port, Duration within) throws InterruptedException {
        var api = new Api(port);
        long polls = within.toMillis() / 250;
        for (long i = 0; i < polls; i++) {
            assertThat(process.isAlive()).as("platform exited during start-up").isTrue();
            try {
                if (api.get("/health", null).status() == 200) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // connection refused while starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("platform not healthy within " + within.toSeconds() + " s");
    }

    public static boolean portOpen(int port) {
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
