package com.traidnet.wificore.realtime.webhooks;

import com.traidnet.wificore.realtime.protocol.PusherApp;

/** Where the channel code reports webhook-worthy changes; {@link HttpWebhooks} sends them. */
public interface Webhooks {

    /** Queues {@code event} for the app's webhook URLs; never blocks. */
    void add(PusherApp app, WebhookEvent event);

    Webhooks NONE = (app, event) -> {
    };
}
