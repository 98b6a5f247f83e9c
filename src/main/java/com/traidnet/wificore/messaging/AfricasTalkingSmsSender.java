package com.traidnet.wificore.messaging;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Africa's Talking bulk SMS: {@code POST /version1/messaging}, form-encoded {@code username},
 * {@code to}, {@code message}, optional {@code from}; authenticated by the {@code apiKey}
 * header. A 2xx answer means the message was accepted for delivery.
 */
class AfricasTalkingSmsSender implements SmsSender {

    private final HttpClient http;
    private final URI url;
    private final String username;
    private final String apiKey;
    private final String sender;

    AfricasTalkingSmsSender(HttpClient http, URI url, String username, String apiKey, String sender) {
        this.http = http;
        this.url = url;
        this.username = username;
        this.apiKey = apiKey;
        this.sender = sender;
    }

    @Override
    public void send(String to, String message) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("to", to.startsWith("+") ? to : "+" + to);
        form.put("message", message);
        if (sender != null && !sender.isBlank()) {
            form.put("from", sender);
        }
        var request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(15))
                .header("apiKey", apiKey)
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new SmsFailedException("Africa's Talking answered " + response.statusCode() + ": "
                        + response.body(), null);
            }
        } catch (IOException e) {
            throw new SmsFailedException("Africa's Talking unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsFailedException("interrupted while sending an SMS", e);
        }
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
