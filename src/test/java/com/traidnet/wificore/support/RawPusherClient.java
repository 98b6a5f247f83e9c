package com.traidnet.wificore.support;

import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static com.traidnet.wificore.support.Api.JSON;

/**
 * A bare Pusher-protocol client on the JDK's WebSocket, for tests that need frames the
 * stock clients never send (the conformance tests use pusher-js). Collects every frame
 * and the close code.
 */
public final class RawPusherClient implements AutoCloseable {

    private final LinkedBlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;
    private final String socketId;

    public RawPusherClient(int port, String key) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/app/" + key + "?protocol=7"), new Listener())
                .join();
        JsonNode established = next("pusher:connection_established");
        this.socketId = JSON.readTree(established.path("data").asString()).path("socket_id").asString();
    }

    public String socketId() {
        return socketId;
    }

    public void send(String frame) {
        socket.sendText(frame, true).join();
    }

    public void subscribe(String channel) {
        send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\"}}");
    }

    /** The next frame with this event name (others before it are skipped); fails after 10 s. */
    public JsonNode next(String event) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try {
            while (System.nanoTime() < deadline) {
                JsonNode frame = frames.poll(100, TimeUnit.MILLISECONDS);
                if (frame != null && frame.path("event").asString().equals(event)) {
                    return frame;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no " + event + " frame within 10 s");
    }

    /** The close code the server sent; fails after 10 s. */
    public int closeCode() {
        return closed.orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
