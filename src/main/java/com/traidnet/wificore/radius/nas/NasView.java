package com.traidnet.wificore.radius.nas;

import java.time.Instant;
import java.util.UUID;

/** A NAS as the API shows it: never the secret, only that one is set. */
record NasView(UUID id, String name, String address, String type, int coaPort,
               boolean requireMessageAuthenticator, String description, boolean secretSet,
               Instant createdAt, Instant updatedAt) {
}
