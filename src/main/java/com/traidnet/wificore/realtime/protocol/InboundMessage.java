package com.traidnet.wificore.realtime.protocol;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A frame from a client: {@code {"event": ..., "channel": ..., "data": ...}}. {@code data}
 * may be an object or a string holding JSON (pusher-js sends objects; some clients strings).
 */
public record InboundMessage(String event, String channel, JsonNode data) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Parses one text frame; a frame that is not a JSON object with a string {@code event} is malformed. */
    public static InboundMessage parse(String text) throws MalformedFrame {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new MalformedFrame("the frame is not valid JSON");
        }
        if (root == null || !root.isObject() || !root.path("event").isString()) {
            throw new MalformedFrame("a frame must be a JSON object with a string \"event\"");
        }
        JsonNode channel = root.path("channel");
        return new InboundMessage(root.path("event").asString(), channel.isString() ? channel.asString() : null,
                root.path("data"));
    }

    /** {@code data} as an object, whether it came as an object or as a string holding one. */
    public JsonNode dataObject() throws MalformedFrame {
        if (data.isObject()) {
            return data;
        }
        if (data.isString()) {
            try {
                JsonNode parsed = JSON.readTree(data.asString());
                if (parsed != null && parsed.isObject()) {
                    return parsed;
                }
            } catch (JacksonException e) {
                // fall through
            }
        }
        throw new MalformedFrame("\"data\" of " + event + " must be a JSON object");
    }

    /** A text field of {@link #dataObject()}, or null. */
    public String dataText(String field) throws MalformedFrame {
        JsonNode value = dataObject().path(field);
        return value.isString() ? value.asString() : null;
    }

    /** {@code data} as JSON text for relaying (client events). */
    public String dataJson() {
        return data.isMissingNode() ? "{}" : JSON.writeValueAsString(data);
    }

    /** A frame the server cannot act on. */
    public static final class MalformedFrame extends Exception {
        public MalformedFrame(String message) {
            super(message, null, false, false);
        }
    }
}
