package com.traidnet.wificore.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small real-HTTP client for integration tests: JSON in, status + JSON out. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public record Response(int status, String contentType, JsonNode body, HttpResponse<String> raw) {
        public String text(String field) {
            return body.path(field).asString();
        }
    }

    public Response get(String path, String token) {
        return send("GET", path, null, token, Map.of());
    }

    public Response post(String path, Object body, String token) {
        return send("POST", path, body, token, Map.of());
    }

    public Response send(String method, String path, Object body, String token, Map<String, String> headers) {
        try {
            String payload = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(payload));
            if (payload != null && !headers.containsKey("Content-Type")) {
                request.header("Content-Type", "application/json");
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            headers.forEach(request::header);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isBlank() ? JSON.nullNode() : parse(response.body());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    json, response);
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }

    /** JSON object from alternating keys and values. */
    public static Map<String, Object> json(Object... keyValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
