package com.traidnet.wificore.realtime.webhooks;

/**
 * One webhook event as Pusher sends it: {@code channel_occupied}, {@code channel_vacated},
 * {@code member_added}, {@code member_removed} or {@code client_event}. Fields that do not
 * apply to the kind are null and left out of the JSON.
 */
public record WebhookEvent(String name, String channel, String userId, String event, String data, String socketId) {

    public static WebhookEvent occupied(String channel) {
        return new WebhookEvent("channel_occupied", channel, null, null, null, null);
    }

    public static WebhookEvent vacated(String channel) {
        return new WebhookEvent("channel_vacated", channel, null, null, null, null);
    }

    public static WebhookEvent memberAdded(String channel, String userId) {
        return new WebhookEvent("member_added", channel, userId, null, null, null);
    }

    public static WebhookEvent memberRemoved(String channel, String userId) {
        return new WebhookEvent("member_removed", channel, userId, null, null, null);
    }

    public static WebhookEvent clientEvent(String channel, String event, String data, String socketId, String userId) {
        return new WebhookEvent("client_event", channel, userId, event, data, socketId);
    }
}
