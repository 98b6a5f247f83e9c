package com.traidnet.wificore.realtime;

import com.traidnet.wificore.tenant.TenantId;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The tenant channel naming rule: {@code private-tenant.{tenantId}.{topic}},
 * {@code presence-tenant.{tenantId}.{topic}} and {@code private-encrypted-tenant.{tenantId}.{topic}}. The auth endpoint signs a channel only when
 * its tenant is the caller's.
 */
final class TenantChannels {

    static final String PRIVATE = "private-tenant.";
    static final String PRESENCE = "presence-tenant.";
    static final String ENCRYPTED = "private-encrypted-tenant.";
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9_\\-]{1,64}(\\.[A-Za-z0-9_\\-]{1,64}){0,3}");

    private TenantChannels() {
    }

    /** The tenant a tenant channel belongs to, or empty for any other name. */
    static Optional<TenantId> tenantOf(String channel) {
        String rest = channel.startsWith(PRIVATE) ? channel.substring(PRIVATE.length())
                : channel.startsWith(PRESENCE) ? channel.substring(PRESENCE.length())
                : channel.startsWith(ENCRYPTED) ? channel.substring(ENCRYPTED.length()) : null;
        if (rest == null || rest.length() < 38 || rest.charAt(36) != '.') {
            return Optional.empty();
        }
        TenantId tenant = TenantId.parseOrNull(rest.substring(0, 36));
        return tenant != null && TOPIC.matcher(rest.substring(37)).matches() ? Optional.of(tenant) : Optional.empty();
    }

    static boolean validTopic(String topic) {
        return topic != null && TOPIC.matcher(topic).matches();
    }

    static boolean isPresence(String channel) {
        return channel.startsWith(PRESENCE);
    }

    static boolean isEncrypted(String channel) {
        return channel.startsWith(ENCRYPTED);
    }
}
