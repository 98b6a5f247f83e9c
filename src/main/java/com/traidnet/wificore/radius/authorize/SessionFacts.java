package com.traidnet.wificore.radius.authorize;

/**
 * What accounting knows about a user, read only when a limit needs it.
 *
 * @param openSessions open sessions, not counting one of the same device on the same NAS
 *                     (a device logging in again after its session died uncleanly)
 * @param usedSeconds  session time over all accounting
 * @param usedOctets   octets in + out over all accounting
 */
record SessionFacts(long openSessions, long usedSeconds, long usedOctets) {
    static final SessionFacts NONE = new SessionFacts(0, 0, 0);
}
