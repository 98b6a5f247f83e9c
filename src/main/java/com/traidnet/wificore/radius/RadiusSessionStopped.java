package com.traidnet.wificore.radius;

import com.traidnet.wificore.tenant.TenantId;

import java.time.Instant;

/**
 * Published (in-process, after the write committed) when a session closes: a Stop, an
 * Accounting-On/Off of its NAS, or the stale-session sweep ({@code cause} says which).
 */
public record RadiusSessionStopped(TenantId tenant, long sessionId, String acctSessionId, String username,
                                   String nasIp, Instant stoppedAt, long sessionTime, long inputOctets,
                                   long outputOctets, String cause) {
}
