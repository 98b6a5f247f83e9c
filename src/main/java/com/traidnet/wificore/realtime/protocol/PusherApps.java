package com.traidnet.wificore.realtime.protocol;

import java.util.List;
import java.util.Optional;

/** The apps this server serves, found by key (WebSocket path) or id (HTTP API path). */
public record PusherApps(List<PusherApp> all) {

    public PusherApps {
        all = List.copyOf(all);
    }

    public Optional<PusherApp> byKey(String key) {
        return all.stream().filter(a -> a.key().equals(key)).findFirst();
    }

    public Optional<PusherApp> byId(String id) {
        return all.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** The platform's own app (the first), used by the in-process publisher and the auth endpoint. */
    public PusherApp primary() {
        return all.getFirst();
    }

}
