package com.traidnet.wificore.radius.nas;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * A NAS address: one host or a CIDR range, with host bits cleared ({@code 10.0.0.7/24}
 * becomes {@code 10.0.0.0/24}). Parses literals only, never a host name, so parsing
 * can neither block on DNS nor be steered by it.
 */
record NasAddress(InetAddress network, int prefixLength) {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)"
            + "(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    // the JDK parses text that starts with a hex digit or ':' and contains ':' as an IPv6
    // literal and never looks it up; '%' (a zone) is excluded
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    NasAddress {
        if (network instanceof Inet6Address && prefixLength >= 96 && Ip128.of(network).isV4()) {
            // an IPv4-mapped IPv6 range is the IPv4 range (RFC 4291 §2.5.5.2)
            network = mask(network, 128); // the JDK turns mapped bytes into an Inet4Address
            prefixLength -= 96;
        }
        int max = maxPrefix(network);
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length must be 0-" + max);
        }
        network = mask(network, prefixLength);
    }

    /**
     * Parses {@code 192.0.2.1}, {@code 192.0.2.0/24}, {@code 2001:db8::1},
     * {@code 2001:db8::/32}; an IPv4-mapped IPv6 address counts as IPv4.
     *
     * @throws IllegalArgumentException with a message fit for the API client
     */
    static NasAddress parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        int slash = trimmed.indexOf('/');
        String host = slash < 0 ? trimmed : trimmed.substring(0, slash);
        InetAddress address = literal(host);
        if (slash < 0) {
            return new NasAddress(address, maxPrefix(address));
        }
        String bits = trimmed.substring(slash + 1);
        if (!bits.matches("\\d{1,3}")) {
            throw new IllegalArgumentException("must be an IP address or a CIDR range like 192.0.2.0/24");
        }
        int prefix = Integer.parseInt(bits);
        if (address instanceof Inet4Address && host.contains(":")) {
            // ::ffff:192.0.2.0/120 is the IPv4 range 192.0.2.0/24
            if (prefix < 96) {
                throw new IllegalArgumentException("an IPv4-mapped range needs a prefix length of 96-128");
            }
            prefix -= 96;
        }
        return new NasAddress(address, prefix);
    }

    private static InetAddress literal(String host) {
        boolean v4 = IPV4.matcher(host).matches();
        if (v4 || (host.contains(":") && IPV6.matcher(host).matches())) {
            try {
                return InetAddress.getByName(host);
            } catch (UnknownHostException | IllegalArgumentException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("must be an IP address or a CIDR range like 192.0.2.0/24"
                + " (no host names)");
    }

    boolean isHost() {
        return prefixLength == maxPrefix(network);
    }

    /** {@code 192.0.2.1} for a host, {@code 192.0.2.0/24} for a range: the form the API shows. */
    String text() {
        return isHost() ? format(network) : cidr();
    }

    /** Always with the prefix length, as PostgreSQL's {@code cidr} takes it. */
    String cidr() {
        return format(network) + "/" + prefixLength;
    }

    /** IPv4 dotted; IPv6 in RFC 5952 form ({@code 2001:db8::1}, as PostgreSQL prints it). */
    static String format(InetAddress address) {
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        byte[] b = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLength = 1; // RFC 5952 §4.2.2: a single zero group is not shortened
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) { // §4.2.3: the longest run, the first one on a tie
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        var text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    static int maxPrefix(InetAddress address) {
        return address instanceof Inet4Address ? 32 : 128;
    }

    /** Clears host bits; an IPv4-mapped IPv6 address becomes the IPv4 address (the JDK does that). */
    static InetAddress mask(InetAddress address, int prefixLength) {
        byte[] bytes = address.getAddress();
        for (int i = 0; i < bytes.length; i++) {
            int keep = Math.clamp(prefixLength - i * 8L, 0, 8);
            bytes[i] &= (byte) (0xFF00 >>> keep);
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // cannot happen: 4 or 16 bytes
        }
    }
}
