package com.traidnet.wificore.realtime.protocol;

import tools.jackson.core.io.JsonStringEncoder;

import java.util.Collection;

/**
 * Outbound Pusher frames as JSON text. Built by hand rather than through an object
 * mapper because fan-out serialises each event once per publish and this is on that path.
 * Server-originated {@code data} is itself JSON encoded as a string, as the protocol says;
 * event data from publishers is passed through as the string they gave.
 */
public final class Frames {

    private Frames() {
    }

    public static String quote(String text) {
        return text == null ? "null" : "\"" + new String(JsonStringEncoder.getInstance().quoteAsCharArray(text)) + "\"";
    }

    public static String connectionEstablished(String socketId, long activityTimeoutSeconds) {
        return envelope("pusher:connection_established", null,
                quote("{\"socket_id\":" + quote(socketId) + ",\"activity_timeout\":" + activityTimeoutSeconds + "}"));
    }

    /** {@code pusher:error}; {@code code} may be null for errors the protocol gives no number. */
    public static String error(Integer code, String message) {
        return envelope("pusher:error", null, "{\"code\":" + code + ",\"message\":" + quote(message) + "}");
    }

    public static String error(ErrorCode code, String detail) {
        return error(code.code(), detail == null ? code.message() : code.message() + ": " + detail);
    }

    public static String ping() {
        return "{\"event\":\"pusher:ping\",\"data\":{}}";
    }

    public static String pong() {
        return "{\"event\":\"pusher:pong\",\"data\":{}}";
    }

    public static String subscriptionSucceeded(String channel) {
        return envelope("pusher_internal:subscription_succeeded", channel, quote("{}"));
    }

    /** Presence: {@code {"presence":{"ids":[...],"hash":{id: info},"count":n}}}, string-encoded. */
    public static String presenceSucceeded(String channel, Collection<com.traidnet.wificore.realtime.cluster.Member> members) {
        StringBuilder ids = new StringBuilder("[");
        StringBuilder hash = new StringBuilder("{");
        for (var m : members) {
            if (ids.length() > 1) {
                ids.append(',');
                hash.append(',');
            }
            ids.append(quote(m.userId()));
            hash.append(quote(m.userId())).append(':').append(m.userInfo());
        }
        String data = "{\"presence\":{\"ids\":" + ids + "],\"hash\":" + hash + "},\"count\":" + members.size() + "}}";
        return envelope("pusher_internal:subscription_succeeded", channel, quote(data));
    }

    /** Refused subscription (pusher-js emits it on the channel as {@code pusher:subscription_error}). */
    public static String subscriptionError(String channel, String type, String error, int status) {
        return envelope("pusher:subscription_error", channel,
                "{\"type\":" + quote(type) + ",\"error\":" + quote(error) + ",\"status\":" + status + "}");
    }

    public static String memberAdded(String channel, String userId, String userInfo) {
        return envelope("pusher_internal:member_added", channel,
                quote("{\"user_id\":" + quote(userId) + ",\"user_info\":" + userInfo + "}"));
    }

    public static String memberRemoved(String channel, String userId) {
        return envelope("pusher_internal:member_removed", channel, quote("{\"user_id\":" + quote(userId) + "}"));
    }

    public static String cacheMiss(String channel) {
        return envelope("pusher:cache_miss", channel, quote("{}"));
    }

    public static String signinSuccess(String userData) {
        return envelope("pusher:signin_success", null, "{\"user_data\":" + quote(userData) + "}");
    }

    /** An event from a publisher or the HTTP API: {@code data} is the publisher's string. */
    public static String event(String channel, String event, String data) {
        return envelope(event, channel, quote(data));
    }

    /**
     * A client event, relayed with its data as the sender wrote it (JSON text); on presence
     * channels Pusher adds the sender's {@code user_id}.
     */
    public static String clientEvent(String channel, String event, String dataJson, String userId) {
        String frame = envelope(event, channel, dataJson);
        return userId == null ? frame
                : frame.substring(0, frame.length() - 1) + ",\"user_id\":" + quote(userId) + "}";
    }

    private static String envelope(String event, String channel, String dataJson) {
        StringBuilder b = new StringBuilder(64 + (dataJson == null ? 0 : dataJson.length()));
        b.append("{\"event\":").append(quote(event));
        if (channel != null) {
            b.append(",\"channel\":").append(quote(channel));
        }
        return b.append(",\"data\":").append(dataJson).append('}').toString();
    }
}
