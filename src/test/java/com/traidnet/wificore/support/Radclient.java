package com.traidnet.wificore.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FreeRADIUS's own client ({@code radclient}, Debian freeradius-utils) as the NAS in tests:
 * a client we did not write, with its own codec and its own checks of our replies. A test
 * user dictionary (radclient -d) adds our vendor (WifiCore 64998, Tenant-ID) to FreeRADIUS's.
 */
public final class Radclient {

    /** What radclient printed: the reply code (null if none) and the reply attributes. */
    public record Reply(String code, Map<String, List<String>> attributes, String output) {
        public boolean accepted() {
            return "Access-Accept".equals(code);
        }

        public String first(String attribute) {
            List<String> values = attributes.get(attribute);
            return values == null ? null : values.getFirst();
        }
    }

    private static final Pattern RECEIVED = Pattern.compile("Received (\\S+) Id");
    private static final Pattern ATTRIBUTE = Pattern.compile("^\\s+([A-Za-z0-9-]+) = (.*)$");
    private static Path dictionaryDir;

    private Radclient() {
    }

    /** Sends one request of {@code type} (auth, acct, status) and waits for the answer. */
    public static Reply send(int port, String type, String secret, String attributes) {
        return send("127.0.0.1", port, type, secret, attributes, 2);
    }

    public static Reply send(String host, int port, String type, String secret, String attributes, int timeoutSeconds) {
        requireInstalled();
        try {
            Process process = new ProcessBuilder("radclient", "-x", "-r", "1", "-t", Integer.toString(timeoutSeconds),
                    "-d", dictionaryDir().toString(), (host.contains(":") ? "[" + host + "]" : host) + ":" + port,
                    type, secret).redirectErrorStream(true).start();
            process.getOutputStream().write(attributes.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeoutSeconds + 10L, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return parse(output);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Reply parse(String output) {
        String code = null;
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        boolean inReply = false;
        for (String line : output.split("\n")) {
            Matcher received = RECEIVED.matcher(line);
            if (received.find()) {
                code = received.group(1);
                inReply = true;
                continue;
            }
            if (line.startsWith("Sent ")) {
                inReply = false;
            }
            Matcher attribute = ATTRIBUTE.matcher(line);
            if (inReply && attribute.matches()) {
                String value = attribute.group(2).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                attributes.computeIfAbsent(attribute.group(1), k -> new ArrayList<>()).add(value);
            }
        }
        return new Reply(code, attributes, output);
    }

    private static void requireInstalled() {
        if (Files.isExecutable(Path.of("/usr/bin/radclient"))) {
            return;
        }
        throw new IllegalStateException("radclient is not installed: apt-get install freeradius-utils (.ci/run does)");
    }

    private static synchronized Path dictionaryDir() throws IOException {
        if (dictionaryDir == null) {
            Path dir = Files.createTempDirectory("radclient-dict");
            Files.writeString(dir.resolve("dictionary"), """
                    VENDOR WifiCore 64998
                    BEGIN-VENDOR WifiCore
                    ATTRIBUTE Tenant-ID 1 string
                    END-VENDOR WifiCore
                    """);
            dictionaryDir = dir;
        }
        return dictionaryDir;
    }
}
