package com.traidnet.wificore.radius.authorize;

import java.util.List;

/**
 * Everything the tenant's tables say about one username: its check and reply rows and its
 * groups in priority order. {@link #known()} is false for a name with no rows at all (which
 * is cached too, so unknown names do not cost a query each).
 */
record UserProfile(String username, List<AvPair> check, List<AvPair> reply, List<String> groups) {

    UserProfile {
        check = List.copyOf(check);
        reply = List.copyOf(reply);
        groups = List.copyOf(groups);
    }

    boolean known() {
        return !check.isEmpty() || !groups.isEmpty();
    }
}
