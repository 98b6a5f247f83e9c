package com.traidnet.wificore.realtime.cluster;

/**
 * One event for every subscriber of a channel on every node.
 *
 * @param frame          the complete Pusher frame as JSON text, serialised once for all receivers
 * @param exceptSocketId the connection that must not receive it (the sender), or null
 */
public record Broadcast(String appId, String channel, String frame, String exceptSocketId) {
}
