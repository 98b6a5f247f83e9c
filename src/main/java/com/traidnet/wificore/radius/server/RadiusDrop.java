package com.traidnet.wificore.radius.server;

/** Thrown (or completed exceptionally) by a handler for a request that must get no answer. */
public final class RadiusDrop extends RuntimeException {

    private final DropReason reason;

    public RadiusDrop(DropReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public DropReason reason() {
        return reason;
    }
}
