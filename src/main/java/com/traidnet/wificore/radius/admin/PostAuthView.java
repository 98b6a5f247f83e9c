package com.traidnet.wificore.radius.admin;

import java.time.Instant;

/**
 * One authentication decision (a radpostauth row; the password attempt is never shown).
 *
 * @param result "accept" or "reject" (or the raw reply for anything else)
 * @param reason why the server decided so, if it said
 */
record PostAuthView(long id, String username, String result, String reason, String nasIp,
                    String callingStationId, Instant at) {
}
