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

    /**
     * Hands a directory tree to this account (no-op when not switching users). The files
     * include the credentials file: that is fine, this account owns the cluster's data files
     * and so is its superuser anyway.
     */
    void own(Path dir) throws IOException {
        if (!switchesUser()) {
            return;
        }
        // a fresh unpack or init leaves root-owned files somewhere below; one walk finds them
        boolean allOwned;
        try (var paths = Files.walk(dir)) {
            allOwned = paths.allMatch(p -> ownedByUs(p));
        }
        if (!allOwned && run(List.of("chown", "-R", name + ":", dir.toString())) != 0
                && run(List.of("chown", "-R", name, dir.toString())) != 0) {
            throw new IOException("cannot hand " + dir + " to account '" + name + "'");
        }
    }

    private boolean ownedByUs(Path p) {
        try {
            return Files.getOwner(p, java.nio.file.LinkOption.NOFOLLOW_LINKS).getName().equals(name);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Makes sure this account can reach {@code dir}. A root user's checkout often sits in
     * {@code /root} (mode 0700): there we add search-only permission ({@code o+x}: enter, not
     * list) to the ancestors that block the way, and say so. Returns false if still blocked.
     */
    boolean openPassage(Path dir) throws IOException {
        if (!switchesUser() || canEnter(dir)) {
            return true;
        }
        for (Path p = dir.getRoot(); p != null && !p.equals(dir); p = next(p, dir)) {
            var perms = Files.getPosixFilePermissions(p);
            if (!perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                perms.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
                Files.setPosixFilePermissions(p, perms);
                System.err.println("wificore: granted search-only permission (o+x) on " + p
                        + " so the database account '" + name + "' can reach its data");
            }
        }
        return canEnter(dir);
    }

    private static Path next(Path ancestor, Path dir) {
        return ancestor.resolve(dir.getName(ancestor.getNameCount()));
    }

    private boolean canEnter(Path dir) throws IOException {
        return run(command(List.of("test", "-x", dir.toString()))) == 0;
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
