package com.traidnet.wificore.realtime.cluster;

/**
 * A presence-channel member as its signed {@code channel_data} described it.
 *
 * @param userInfo the {@code user_info} value as JSON text ({@code null} text when absent)
 */
public record Member(String userId, String userInfo) {
}
