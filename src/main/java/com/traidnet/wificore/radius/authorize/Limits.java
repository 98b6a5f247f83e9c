package com.traidnet.wificore.radius.authorize;

/** Names of the control (check-only) attributes the decision reads. */
final class Limits {
    static final String AUTH_TYPE = "Auth-Type";
    static final String EXPIRATION = "Expiration";
    static final String SIMULTANEOUS_USE = "Simultaneous-Use";
    /** Time cap: seconds of session time over all accounting (rlm_sqlcounter's noreset counter name). */
    static final String MAX_ALL_SESSION = "Max-All-Session";
    /** Data cap: octets in + out over all accounting. */
    static final String MAX_TOTAL_OCTETS = "Max-Total-Octets";
    static final String SESSION_TIMEOUT = "Session-Timeout";
    static final String CALLING_STATION_ID = "Calling-Station-Id";

    private Limits() {
    }
}
