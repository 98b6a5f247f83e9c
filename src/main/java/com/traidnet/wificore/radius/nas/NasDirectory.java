package com.traidnet.wificore.radius.nas;

import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** PLACEHOLDER until the NAS registry branch lands. */
@Component
public class NasDirectory {
    public final List<NasClient> all = new CopyOnWriteArrayList<>();

    public List<NasClient> candidates(InetAddress source) {
        return all.stream().filter(n -> n.contains(source)).toList();
    }

    public Optional<NasClient> byId(UUID id) {
        return all.stream().filter(n -> n.id().equals(id)).findFirst();
    }
}
