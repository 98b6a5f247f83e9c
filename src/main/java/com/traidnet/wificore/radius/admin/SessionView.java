package com.traidnet.wificore.radius.admin;

import java.time.Instant;

/**
 * One accounting session (a radacct row).
 *
 * @param id               radacctid
 * @param sessionId        Acct-Session-Id, unique per NAS
 * @param uniqueId         acctuniqueid, unique per tenant
 * @param callingStationId the client's MAC address, as the NAS sent it
 * @param status           "open" until the NAS reports the stop
 */
record SessionView(long id, String sessionId, String uniqueId, String username, String nasIp, String nasPortId,
                   String framedIp, String callingStationId, String calledStationId, Instant startedAt,
                   Instant updatedAt, Instant stoppedAt, Long sessionTime, Long inputOctets, Long outputOctets,
                   String terminateCause, String status) {
}
