package com.traidnet.wificore.platform.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Who the PostgreSQL processes run as. PostgreSQL refuses to run as root, so when the
 * platform itself runs as root the database runs under an unprivileged system account
 * ({@value #ACCOUNT}, created on first use, {@code nobody} if it cannot be created), and
 * every command is wrapped in {@code runuser}. As an ordinary user, commands run as-is.
 */
record ServiceAccount(String name) {

    static final String ACCOUNT = "wificore";

    static ServiceAccount current() throws IOException {
        if (!isRoot()) {
            return new ServiceAccount(null);
        }
        if (run(List.of("id", "-u", ACCOUNT)) != 0) {
            int created = run(List.of("useradd", "--system", "--user-group", "--no-create-home",
                    "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", ACCOUNT));
            if (created != 0 && run(List.of("id", "-u", ACCOUNT)) != 0) {
                return new ServiceAccount("nobody");
            }
        }
        return new ServiceAccount(ACCOUNT);
    }

    boolean switchesUser() {
        return name != null;
    }

    /** Wraps a command so that it runs as this account. */
    List<String> command(List<String> command) {
        if (!switchesUser()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", name, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Hands a directory tree to this account (no-op when not switching users). */
    void own(Path dir) throws IOException {
        if (switchesUser() && run(List.of("chown", "-R", name + ":", dir.toString())) != 0
                && run(List.of("chown", "-R", name, dir.toString())) != 0) {
            throw new IOException("cannot hand " + dir + " to account '" + name + "'");
        }
    }

    /** True when this account can enter {@code dir} (every parent must be searchable). */
    boolean canEnter(Path dir) throws IOException {
        return !switchesUser() || run(command(List.of("test", "-x", dir.toString()))) == 0;
    }

    private static boolean isRoot() throws IOException {
        Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        return uid instanceof Integer i && i == 0;
    }

    private static int run(List<String> command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.getFirst(), e);
        }
    }
}
