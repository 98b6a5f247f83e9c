package com.traidnet.wificore.radius.nas;

import com.traidnet.wificore.tenant.TenantId;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An immutable index of NAS entries for longest-prefix lookups: per address family, one
 * hash map per prefix length in use (longest first), keyed by the masked address. A
 * lookup costs one hash probe per distinct prefix length, typically one to three (/32
 * hosts plus a few ranges), however many tenants and entries there are.
 */
final class NasSnapshot {

    /** The entries of one prefix length, by masked network; each list sorted by tenant. */
    private record Level(int prefix128, Map<Ip128, List<NasClient>> byNetwork) {
    }

    private final Level[] v4;
    private final Level[] v6;
    private final Map<UUID, NasClient> byId;

    private NasSnapshot(Level[] v4, Level[] v6, Map<UUID, NasClient> byId) {
        this.v4 = v4;
        this.v6 = v6;
        this.byId = byId;
    }

    static NasSnapshot of(List<NasClient> clients) {
        var v4 = new TreeMap<Integer, Map<Ip128, List<NasClient>>>(Comparator.reverseOrder());
        var v6 = new TreeMap<Integer, Map<Ip128, List<NasClient>>>(Comparator.reverseOrder());
        Map<UUID, NasClient> byId = new HashMap<>();
        var ordered = new ArrayList<>(clients);
        ordered.sort(Comparator.comparing((NasClient c) -> c.tenant().value()).thenComparing(NasClient::id));
        for (NasClient c : ordered) {
            Ip128 network = Ip128.of(c.network());
            (network.isV4() ? v4 : v6).computeIfAbsent(Ip128.prefix128(c.network(), c.prefixLength()),
                    p -> new HashMap<>()).computeIfAbsent(network, n -> new ArrayList<>()).add(c);
            byId.put(c.id(), c);
        }
        return new NasSnapshot(levels(v4), levels(v6), Map.copyOf(byId));
    }

    private static Level[] levels(TreeMap<Integer, Map<Ip128, List<NasClient>>> byPrefix) {
        return byPrefix.entrySet().stream().map(e -> {
            var frozen = new HashMap<Ip128, List<NasClient>>();
            e.getValue().forEach((network, list) -> frozen.put(network, List.copyOf(list)));
            return new Level(e.getKey(), Map.copyOf(frozen));
        }).toArray(Level[]::new);
    }

    List<NasClient> candidates(InetAddress source) {
        Ip128 address = Ip128.of(source);
        List<NasClient> found = null;
        for (Level level : address.isV4() ? v4 : v6) {
            List<NasClient> hits = level.byNetwork().get(address.masked(level.prefix128()));
            if (hits == null) {
                continue;
            }
            for (NasClient hit : hits) {
                if (found == null) {
                    found = new ArrayList<>(2);
                }
                if (!hasTenant(found, hit.tenant())) { // a longer prefix of this tenant came first
                    found.add(hit);
                }
            }
        }
        return found == null ? List.of() : List.copyOf(found);
    }

    NasClient byId(UUID id) {
        return byId.get(id);
    }

    private static boolean hasTenant(List<NasClient> found, TenantId tenant) {
        for (NasClient c : found) {
            if (c.tenant().equals(tenant)) {
                return true;
            }
        }
        return false;
    }
}
