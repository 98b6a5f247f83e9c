package com.traidnet.wificore.hotspot;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/**
 * A partial change (PATCH): absent fields stay; an empty string clears {@code macAddress},
 * {@code staticIp} or {@code ipPool}. A new {@code packageId} takes that package's current
 * terms without changing the expiry (staff reassigning a plan, not a purchase).
 */
record SubscriberChange(@Size(max = 64) String username,
                        @Size(max = 64) String password,
                        @Size(max = 32) String macAddress,
                        UUID packageId,
                        Instant expiresAt,
                        @Size(max = 45) String staticIp,
                        @Size(max = 64) String ipPool,
                        Instant nextDueAt,
                        @PositiveOrZero @Max(365) Integer graceDays) {
}
