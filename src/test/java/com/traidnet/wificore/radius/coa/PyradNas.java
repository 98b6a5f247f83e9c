package com.traidnet.wificore.radius.coa;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The NAS stand-in {@code src/test/resources/nas/coa_nas.py}, written on Debian's python3-pyrad,
 * run as a subprocess. Every request it receives arrives here as one JSON object.
 */
public final class PyradNas implements AutoCloseable {

    static final String PYTHON = "/usr/bin/python3";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNode END = JSON.createObjectNode();

    private final Process process;
    private final BlockingQueue<JsonNode> lines = new LinkedBlockingQueue<>();
    private final InetSocketAddress address;
    private volatile boolean closing;

    private PyradNas(Process process) throws InterruptedException {
        this.process = process;
        Thread.ofVirtual().name("pyrad-nas-stdout").start(this::readStdout);
        JsonNode ready = lines.poll(20, TimeUnit.SECONDS);
        if (ready == null || ready == END || !ready.path("ready").asBoolean()) {
            process.destroyForcibly();
            fail("coa_nas.py did not start (see its stderr above); first line: " + ready);
        }
        this.address = new InetSocketAddress("127.0.0.1", ready.get("port").asInt());
    }

    /** Fails, rather than skips, without pyrad: CI must run these tests. */
    public static void requirePyrad() throws InterruptedException {
        String advice = "The CoA tests need Debian's python3-pyrad at " + PYTHON
                + ": install it with `sudo apt-get install python3-pyrad`";
        try {
            Process check = new ProcessBuilder(PYTHON, "-c", "import pyrad.server, pyrad.packet")
                    .redirectErrorStream(true).start();
            String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (check.waitFor() != 0) {
                fail(advice + "\n" + output);
            }
        } catch (IOException e) {
            fail(advice + " (" + e.getMessage() + ")");
        }
    }

    /** Starts the stand-in on a free port of 127.0.0.1; {@code options} as in coa_nas.py --help. */
    public static PyradNas start(String secret, String mode, String... options) throws IOException, InterruptedException {
        return startOn(0, secret, mode, options);
    }

    /** Starts the stand-in on {@code port} (0: a free one), e.g. a router coming back on its old port. */
    public static PyradNas startOn(int port, String secret, String mode, String... options)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PYTHON, "-u", script().toString(), "--port",
                Integer.toString(port), "--secret", secret, "--mode", mode));
        command.addAll(List.of(options));
        return new PyradNas(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    public InetSocketAddress address() {
        return address;
    }

    /** The next request the NAS received; fails if none arrives within {@code wait}. */
    public JsonNode nextRequest(Duration wait) throws InterruptedException {
        JsonNode line = lines.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null || line == END) {
            fail("the NAS received no (further) request within " + wait);
        }
        return line;
    }

    /** Every request received so far and within {@code quiet} after the last one. */
    public List<JsonNode> requestsUntilQuietFor(Duration quiet) throws InterruptedException {
        List<JsonNode> requests = new ArrayList<>();
        JsonNode line;
        while ((line = lines.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null && line != END) {
            requests.add(line);
        }
        return requests;
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private void readStdout() {
        try (BufferedReader out = process.inputReader(StandardCharsets.UTF_8)) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(JSON.readTree(line));
            }
        } catch (IOException | RuntimeException e) {
            if (!closing) { // destroy() closes the stream under the reader
                System.err.println("reading coa_nas.py output: " + e);
            }
        } finally {
            lines.add(END);
        }
    }

    private static Path script() {
        try {
            return Path.of(PyradNas.class.getResource("/nas/coa_nas.py").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
