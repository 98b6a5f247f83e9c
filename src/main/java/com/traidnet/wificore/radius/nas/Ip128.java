package com.traidnet.wificore.radius.nas;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * An address as 128 bits, IPv4 in its IPv4-mapped IPv6 form ({@code ::ffff:a.b.c.d},
 * RFC 4291 §2.5.5.2), so an IPv4 source arriving on a dual-stack socket as a mapped IPv6
 * address has the same key as the plain IPv4 one. Used as a hash key and for prefix masks.
 */
record Ip128(long hi, long lo) {

    private static final long MAPPED_MARKER = 0xFFFFL;

    static Ip128 of(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            long v4 = ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
            return new Ip128(0, (MAPPED_MARKER << 32) | v4);
        }
        return new Ip128(bits(b, 0), bits(b, 8));
    }

    /** Whether this is an IPv4 address (plain or mapped). */
    boolean isV4() {
        return hi == 0 && (lo >>> 32) == MAPPED_MARKER;
    }

    /** This address with all but the first {@code prefix} of its 128 bits cleared. */
    Ip128 masked(int prefix) {
        if (prefix >= 128) {
            return this;
        }
        if (prefix >= 64) {
            return new Ip128(hi, prefix == 64 ? 0 : lo & (-1L << (128 - prefix)));
        }
        return new Ip128(prefix == 0 ? 0 : hi & (-1L << (64 - prefix)), 0);
    }

    /** The prefix length in this 128-bit space of an IPv4 ({@code + 96}) or IPv6 prefix. */
    static int prefix128(InetAddress network, int prefixLength) {
        return network instanceof Inet4Address ? prefixLength + 96 : prefixLength;
    }

    private static long bits(byte[] b, int from) {
        long v = 0;
        for (int i = from; i < from + 8; i++) {
            v = (v << 8) | (b[i] & 0xFFL);
        }
        return v;
    }
}
