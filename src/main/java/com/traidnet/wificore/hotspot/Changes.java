package com.traidnet.wificore.hotspot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What a staff edit changed, for the subscriber's history (never the password itself). */
final class Changes {

    private Changes() {
    }

    static Map<String, Object> between(Subscriber before, Subscriber after, boolean passwordChanged) {
        Map<String, Object> changed = new LinkedHashMap<>();
        put(changed, "username", before.username(), after.username());
        put(changed, "macAddress", before.macAddress(), after.macAddress());
        put(changed, "packageId", before.packageId(), after.packageId());
        put(changed, "expiresAt", before.expiresAt(), after.expiresAt());
        put(changed, "staticIp", before.staticIp(), after.staticIp());
        put(changed, "ipPool", before.ipPool(), after.ipPool());
        put(changed, "nextDueAt", before.nextDueAt(), after.nextDueAt());
        put(changed, "graceDays", before.graceDays(), after.graceDays());
        if (passwordChanged) {
            changed.put("password", "changed");
        }
        return changed;
    }

    private static void put(Map<String, Object> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.put(field, after == null ? null : after.toString());
        }
    }
}
