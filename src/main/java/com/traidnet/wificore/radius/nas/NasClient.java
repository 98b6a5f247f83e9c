package com.traidnet.wificore.radius.nas;

import com.traidnet.wificore.tenant.TenantId;

import java.net.InetAddress;
import java.util.Objects;
import java.util.UUID;

/**
 * A registered NAS (router) of one tenant: the addresses it sends RADIUS from and its
 * decrypted shared secret.
 *
 * @param network      the host or range start, host bits cleared; always an
 *                     {@code Inet4Address} for IPv4 (an IPv4-mapped IPv6 network is converted)
 * @param prefixLength 0-32 for IPv4, 0-128 for IPv6; 32 or 128 is a single host
 * @param secret       the RADIUS shared secret (RFC 2865 §3) in plain bytes; not copied on
 *                     access, for the packet path's sake: callers must not modify it.
 *                     Never printed by {@link #toString()}
 * @param type         the NAS kind (mikrotik, chillispot, cisco, ubiquiti, pfsense, other)
 * @param coaPort      where it listens for CoA and Disconnect requests (RFC 5176)
 * @param requireMessageAuthenticator whether Access-Requests without a Message-Authenticator
 *                     (RFC 3579 §3.2) are dropped
 */
public record NasClient(UUID id, TenantId tenant, String name, InetAddress network, int prefixLength,
                        byte[] secret, String type, int coaPort, boolean requireMessageAuthenticator) {

    public NasClient {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        var address = new NasAddress(Objects.requireNonNull(network, "network"), prefixLength);
        network = address.network();
        prefixLength = address.prefixLength();
        secret = Objects.requireNonNull(secret, "secret").clone();
    }

    /**
     * Whether {@code source} is this NAS's host or lies in its range. An IPv4-mapped IPv6
     * source ({@code ::ffff:192.0.2.1}) is the IPv4 address; IPv6 ranges never match IPv4.
     */
    public boolean contains(InetAddress source) {
        Ip128 net = Ip128.of(network);
        Ip128 candidate = Ip128.of(source);
        return candidate.isV4() == net.isV4() && candidate.masked(Ip128.prefix128(network, prefixLength)).equals(net);
    }

    /** {@code 192.0.2.1} for a single host, {@code 192.0.2.0/24} for a range. */
    public String address() {
        return new NasAddress(network, prefixLength).text();
    }

    @Override
    public String toString() {
        return "NasClient[id=" + id + ", tenant=" + tenant + ", name=" + name + ", address=" + address()
                + ", type=" + type + ", coaPort=" + coaPort + ", requireMessageAuthenticator="
                + requireMessageAuthenticator + ", secret=(hidden)]";
    }
}
