package com.traidnet.wificore.radius.nas;

import com.traidnet.wificore.tenant.TenantId;

import java.net.InetAddress;
import java.util.UUID;

/** PLACEHOLDER until the NAS registry branch lands. */
public record NasClient(UUID id, TenantId tenant, String name, InetAddress network, int prefixLength, byte[] secret,
                        String type, int coaPort, boolean requireMessageAuthenticator) {
    public boolean contains(InetAddress a) {
        return network.equals(a);
    }
}
