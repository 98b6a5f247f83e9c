package com.traidnet.wificore.radius;

import com.traidnet.wificore.tenant.TenantId;

import java.time.Instant;

/**
 * Published (in-process, after the write committed) when accounting opens a session.
 * The real-time module forwards it to the tenant's channel; billing may react to it.
 */
public record RadiusSessionStarted(TenantId tenant, long sessionId, String acctSessionId, String username,
                                   String nasIp, String framedIp, String callingStationId, Instant startedAt) {
}
