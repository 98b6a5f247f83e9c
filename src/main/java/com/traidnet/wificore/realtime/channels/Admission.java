package com.traidnet.wificore.realtime.channels;

/** The answer to a {@code pusher:subscribe}: the subscription, or why it is refused. */
sealed interface Admission {

    record Granted(Subscription subscription) implements Admission {
    }

    /** Sent back as {@code pusher:subscription_error} {@code {type, error, status}}. */
    record Refused(String type, String error, int status) implements Admission {
    }
}
