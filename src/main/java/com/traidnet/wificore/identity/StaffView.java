package com.traidnet.wificore.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A staff user as the API shows it (never the password hash). */
public record StaffView(UUID id, UUID tenantId, String email, String name, List<String> roles, String status,
                        Instant createdAt, Instant lastLoginAt) {
}
