package com.traidnet.wificore.water;

import com.traidnet.wificore.support.Api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A dispenser as tests play it: signs every request the way docs/water.md says a device must. */
final class DeviceClient {

    final String deviceId;
    final String secret;
    private final Api api;
    long clockSkewSeconds;

    DeviceClient(Api api, String deviceId, String secret) {
        this.api = api;
        this.deviceId = deviceId;
        this.secret = secret;
    }

    Api.Response post(String path, Object body) {
        return post(path, body, UUID.randomUUID().toString());
    }

    Api.Response post(String path, Object body, String nonce) {
        String json = body instanceof String s ? s : write(body);
        long ts = System.currentTimeMillis() / 1000 + clockSkewSeconds;
        return api.send("POST", path, json, null, headers(path, json, ts, nonce, secret));
    }

    Map<String, String> headers(String path, String json, long ts, String nonce, String key) {
        String signature = DeviceKeys.sign(key.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                DeviceKeys.canonical("POST", path, Long.toString(ts), nonce,
                        json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-Device-Id", deviceId);
        h.put("X-Timestamp", Long.toString(ts));
        h.put("X-Nonce", nonce);
        h.put("X-Signature", signature);
        return h;
    }

    Api.Response dispenses(Object... items) {
        return post("/api/devices/v1/dispenses", Map.of("dispenses", java.util.List.of(items)));
    }

    static String write(Object body) {
        try {
            return Api.JSON.writeValueAsString(body);
        } catch (RuntimeException e) {
            throw new IllegalStateException(e);
        }
    }
}
