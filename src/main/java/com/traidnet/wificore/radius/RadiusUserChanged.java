package com.traidnet.wificore.radius;

import com.traidnet.wificore.tenant.TenantId;

/**
 * Published (inside the writing transaction) by a module that rewrote a user's radcheck/radreply
 * rows: after the commit, this node's RADIUS cache drops the user at once instead of waiting for
 * the tables' NOTIFY, which still reaches every node (this one included) a little later. So an
 * Access-Request sent after the writer answered — a customer logging in right after paying —
 * never meets the stale profile on the node that did the write.
 */
public record RadiusUserChanged(TenantId tenant, String username) {
}
