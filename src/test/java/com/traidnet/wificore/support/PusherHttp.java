package com.traidnet.wificore.support;

import com.traidnet.wificore.realtime.protocol.PusherApp;
import com.traidnet.wificore.realtime.protocol.Signatures;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Signed calls to a real-time node's Pusher HTTP API from Java tests (the conformance tests
 * use the npm {@code pusher} SDK; this is for tests that drive several nodes from the JVM).
 */
public final class PusherHttp {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final PusherApp app;

    public PusherHttp(PusherApp app) {
        this.app = app;
    }

    public HttpResponse<String> get(int port, String path) {
        return send(port, "GET", path, "", "");
    }

    public HttpResponse<String> post(int port, String path, String body) {
        return send(port, "POST", path, body, "&body_md5=" + Signatures.md5Hex(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code path} may carry query parameters ({@code /channels/x?info=user_count}); they are signed too. */
    private HttpResponse<String> send(int port, String method, String path, String body, String md5) {
        int q = path.indexOf('?');
        String fullPath = "/apps/" + app.id() + (q < 0 ? path : path.substring(0, q));
        var params = new java.util.TreeMap<String, String>();
        if (q >= 0) {
            for (String pair : path.substring(q + 1).split("&")) {
                params.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        params.put("auth_key", app.key());
        params.put("auth_timestamp", String.valueOf(System.currentTimeMillis() / 1000));
        params.put("auth_version", "1.0");
        if (!md5.isEmpty()) {
            params.put("body_md5", md5.substring("&body_md5=".length()));
        }
        var query = new StringBuilder();
        params.forEach((k, v) -> query.append(query.isEmpty() ? "" : "&").append(k).append('=').append(v));
        String signature = Signatures.hmacSha256Hex(app.secret(), method + "\n" + fullPath + "\n" + query);
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + fullPath + "?" + query
                        + "&auth_signature=" + signature)).timeout(Duration.ofSeconds(10))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + fullPath + " failed", e);
        }
    }
}
