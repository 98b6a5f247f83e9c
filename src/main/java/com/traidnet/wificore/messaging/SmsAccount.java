package com.traidnet.wificore.messaging;

import java.time.Instant;

/**
 * A tenant's SMS settings as staff see them: the API key is write-only (only whether one is set).
 *
 * @param provider {@code platform} (the platform's own provider), {@code africastalking} (the tenant's own
 *                 Africa's Talking application) or {@code off} (no SMS)
 */
record SmsAccount(String provider, String username, String sender, boolean apiKeySet, Instant updatedAt) {

    static final SmsAccount PLATFORM_DEFAULT = new SmsAccount("platform", null, null, false, null);
}
