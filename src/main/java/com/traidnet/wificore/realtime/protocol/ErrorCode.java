package com.traidnet.wificore.realtime.protocol;

/**
 * Pusher protocol error and close codes (pusher.com/docs/channels/library_auth_reference/pusher-websockets-protocol,
 * "Error codes"): 4000–4099 the client must not reconnect as it is, 4100–4199 reconnect
 * after backing off, 4200–4299 reconnect at once, 4300–4399 other errors.
 */
public enum ErrorCode {
    APP_NOT_FOUND(4001, "App key not in this cluster"),
    APP_OVER_QUOTA(4004, "App is over its connection quota"),
    PATH_NOT_FOUND(4005, "Path not found"),
    UNSUPPORTED_PROTOCOL(4007, "Unsupported protocol version"),
    NO_PROTOCOL(4008, "No protocol version supplied"),
    UNAUTHORIZED(4009, "Connection is unauthorized"),
    OVER_CAPACITY(4100, "Over capacity"),
    RECONNECT(4200, "Generic reconnect immediately"),
    PONG_TIMEOUT(4201, "Pong reply not received"),
    RATE_LIMITED(4301, "Client event rejected due to rate limit");

    private final int code;
    private final String message;

    ErrorCode(int code, String message) {
        this.code = code;
        this.message = message;
    }

    public int code() {
        return code;
    }

    public String message() {
        return message;
    }
}
