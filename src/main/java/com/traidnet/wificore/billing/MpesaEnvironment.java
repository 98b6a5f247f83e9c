package com.traidnet.wificore.billing;

import java.util.Locale;

/** Where a tenant's Daraja app lives. {@code simulator} is our own built-in Daraja (never for real money). */
enum MpesaEnvironment {
    SANDBOX("https://sandbox.safaricom.co.ke"),
    PRODUCTION("https://api.safaricom.co.ke"),
    SIMULATOR(null);

    private final String baseUrl;

    MpesaEnvironment(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Daraja's base URL; the simulator's is {@code ownUrl + /sim/daraja}. */
    String baseUrl(String ownUrl) {
        return this == SIMULATOR ? ownUrl + "/sim/daraja" : baseUrl;
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static MpesaEnvironment of(String id) {
        for (MpesaEnvironment e : values()) {
            if (e.id().equals(id)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown M-Pesa environment " + id);
    }
}
