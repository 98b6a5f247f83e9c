package com.traidnet.wificore.realtime.server;

import com.traidnet.wificore.realtime.RealtimeSettings;
import com.traidnet.wificore.realtime.protocol.ChannelName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads and validates one event of {@code POST /events} or one entry of
 * {@code batch_events}: name, data (a string, as the SDKs send it; an object is accepted
 * and serialised), channels, {@code socket_id} to exclude.
 */
final class EventRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SOCKET_ID = Pattern.compile("\\d+\\.\\d+");
    private static final int MAX_EVENT_NAME = 200;

    record EventRequest(String name, String data, List<String> channels, String socketId, String info) {
    }

    /** Thrown with the status and message the caller gets. */
    static final class Invalid extends Exception {
        final int status;

        Invalid(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private final RealtimeSettings settings;

    EventRequests(RealtimeSettings settings) {
        this.settings = settings;
    }

    EventRequest read(JsonNode event) throws Invalid {
        if (event == null || !event.isObject()) {
            throw new Invalid(400, "an event must be a JSON object");
        }
        String name = text(event, "name");
        if (name == null || name.isEmpty() || name.length() > MAX_EVENT_NAME) {
            throw new Invalid(400, "\"name\" is required (1–" + MAX_EVENT_NAME + " characters)");
        }
        JsonNode dataNode = event.path("data");
        String data = dataNode.isString() ? dataNode.asString()
                : dataNode.isMissingNode() || dataNode.isNull() ? "" : JSON.writeValueAsString(dataNode);
        if (data.getBytes(StandardCharsets.UTF_8).length > settings.maxEventBytes()) {
            throw new Invalid(413, "event data is larger than " + settings.maxEventBytes() + " bytes");
        }
        List<String> channels = channels(event);
        String socketId = text(event, "socket_id");
        if (socketId != null && !SOCKET_ID.matcher(socketId).matches()) {
            throw new Invalid(400, "\"socket_id\" must look like 123.456");
        }
        return new EventRequest(name, data, channels, socketId, text(event, "info"));
    }

    private List<String> channels(JsonNode event) throws Invalid {
        List<String> channels = new ArrayList<>();
        if (event.path("channels").isArray()) {
            for (JsonNode c : event.path("channels")) {
                channels.add(c.isString() ? c.asString() : null);
            }
        } else if (event.path("channel").isString()) {
            channels.add(event.path("channel").asString());
        }
        if (channels.isEmpty() || channels.size() > settings.maxEventChannels()) {
            throw new Invalid(400, "\"channels\" must name 1–" + settings.maxEventChannels() + " channels");
        }
        for (String c : channels) {
            if (ChannelName.parse(c, settings.maxChannelNameLength()).isEmpty()) {
                throw new Invalid(400, "invalid channel name " + (c == null ? "null" : "\"" + c + "\""));
            }
        }
        return channels;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isString() ? v.asString() : null;
    }
}
