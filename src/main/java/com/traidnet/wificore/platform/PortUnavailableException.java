package com.traidnet.wificore.platform;

/**
 * A server port of ours (RADIUS, real-time) could not be bound. Reported at start-up by
 * {@link PortUnavailableFailureAnalyzer} as one description and one action, like Spring
 * Boot reports a taken HTTP port.
 */
public class PortUnavailableException extends IllegalStateException {

    private final String setting;

    /** @param setting the environment variable that moves the port, e.g. {@code WIFICORE_WS_PORT} */
    public PortUnavailableException(String what, String setting, Throwable cause) {
        super("cannot bind " + what + ": " + cause.getMessage(), cause);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
