package com.traidnet.wificore.radius.authorize;

/** Names of the attributes the decision reads (the control ones are {@link ControlAttributes}'). */
final class Limits {
    static final String AUTH_TYPE = ControlAttributes.AUTH_TYPE;
    static final String EXPIRATION = ControlAttributes.EXPIRATION;
    static final String SIMULTANEOUS_USE = ControlAttributes.SIMULTANEOUS_USE;
    /** Time cap: seconds of session time over all accounting (rlm_sqlcounter's noreset counter name). */
    static final String MAX_ALL_SESSION = ControlAttributes.MAX_ALL_SESSION;
    /** Data cap: octets in + out over all accounting. */
    static final String MAX_TOTAL_OCTETS = ControlAttributes.MAX_TOTAL_OCTETS;
    static final String SESSION_TIMEOUT = "Session-Timeout";
    static final String CALLING_STATION_ID = "Calling-Station-Id";

    private Limits() {
    }
}
