package com.traidnet.wificore.realtime.protocol;

/** What a channel's name prefix makes it (Pusher channel types). */
public enum ChannelKind {
    PUBLIC, PRIVATE, PRESENCE, ENCRYPTED, SERVER_TO_USER;

    /** Whether subscribing needs a signature from the app's auth endpoint. */
    public boolean needsAuth() {
        return this == PRIVATE || this == PRESENCE || this == ENCRYPTED;
    }

    /** Pusher allows client events on private and presence channels only (not on encrypted ones). */
    public boolean allowsClientEvents() {
        return this == PRIVATE || this == PRESENCE;
    }
}
