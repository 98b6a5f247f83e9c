package com.traidnet.wificore.radius.packet;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One RADIUS attribute (RFC 2865 §5). A standard attribute has {@code vendorId == 0}; a
 * Vendor-Specific sub-attribute (RFC 2865 §5.26) has {@code type == 26}, the vendor's
 * enterprise number and the vendor's own type. A Vendor-Specific attribute whose content
 * does not follow the recommended vendor-type/vendor-length layout is kept whole: type 26,
 * vendor 0, value = the raw content including the Vendor-Id.
 *
 * <p>The value is copied in and out, so instances are immutable.
 */
public record Attribute(int type, int vendorId, int vendorType, byte[] value) {

    /** RFC 2865 §5.26. */
    public static final int VENDOR_SPECIFIC = 26;
    /** A value fills at most 255 - 2 octets of attribute header. */
    static final int MAX_VALUE = 253;
    /** Vendor-Specific: 2 header + 4 Vendor-Id + 2 vendor header. */
    static final int MAX_VENDOR_VALUE = 247;

    public Attribute {
        if (type < 1 || type > 255) {
            throw new IllegalArgumentException("attribute type " + type + " is outside 1..255");
        }
        if (vendorId != 0) {
            checkVendorSpecific(type, vendorId, vendorType, value.length);
        } else if (vendorType != 0) {
            throw new IllegalArgumentException("a vendor type needs a vendor id");
        } else if (value.length > MAX_VALUE) {
            throw new IllegalArgumentException("attribute " + type + " value of " + value.length
                    + " octets exceeds " + MAX_VALUE);
        }
        value = value.clone();
    }

    private static void checkVendorSpecific(int type, int vendorId, int vendorType, int length) {
        if (type != VENDOR_SPECIFIC) {
            throw new IllegalArgumentException("a vendor id needs type 26, not " + type);
        }
        // RFC 2865 §5.26: the high-order octet of the Vendor-Id is 0
        if (vendorId < 0 || vendorId > 0xFFFFFF) {
            throw new IllegalArgumentException("vendor id " + vendorId + " is outside 1..16777215");
        }
        if (vendorType < 0 || vendorType > 255) {
            throw new IllegalArgumentException("vendor type " + vendorType + " is outside 0..255");
        }
        if (length > MAX_VENDOR_VALUE) {
            throw new IllegalArgumentException("vendor attribute value of " + length
                    + " octets exceeds " + MAX_VENDOR_VALUE);
        }
    }

    /** A standard attribute. */
    public static Attribute of(int type, byte[] value) {
        return new Attribute(type, 0, 0, value);
    }

    /** A standard attribute holding UTF-8 text. */
    public static Attribute of(int type, String text) {
        return of(type, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A Vendor-Specific sub-attribute in the RFC 2865 §5.26 recommended layout. */
    public static Attribute vendorSpecific(int vendorId, int vendorType, byte[] value) {
        if (vendorId == 0) {
            throw new IllegalArgumentException("vendor id 0 is reserved");
        }
        return new Attribute(VENDOR_SPECIFIC, vendorId, vendorType, value);
    }

    /** True for a parsed Vendor-Specific sub-attribute. */
    public boolean isVendorSpecific() {
        return vendorId != 0;
    }

    /** A copy of the value octets. */
    @Override
    public byte[] value() {
        return value.clone();
    }

    /** The value octets without copying, for the codec. */
    byte[] bytes() {
        return value;
    }

    /** The number of value octets. */
    public int length() {
        return value.length;
    }

    /** Same as {@link #value()}. */
    public byte[] asOctets() {
        return value();
    }

    /** The value as UTF-8 text (RFC 2865 §5 "text"); malformed sequences become U+FFFD. */
    public String asString() {
        return new String(value, StandardCharsets.UTF_8);
    }

    /** RFC 2865 §5 "integer": 32-bit unsigned; empty unless the value is exactly 4 octets. */
    public OptionalLong asInteger() {
        return value.length == 4 ? OptionalLong.of(unsigned32(value, 0)) : OptionalLong.empty();
    }

    /** RFC 2865 §5 "address"; empty unless the value is exactly 4 octets. */
    public Optional<Inet4Address> asIpv4() {
        if (value.length != 4) {
            return Optional.empty();
        }
        try {
            return Optional.of((Inet4Address) InetAddress.getByAddress(value));
        } catch (UnknownHostException impossible) {
            return Optional.empty();
        }
    }

    /** RFC 3162 §2.1 / RFC 8044 §3.9 "ipv6addr"; empty unless the value is exactly 16 octets. */
    public Optional<Inet6Address> asIpv6() {
        if (value.length != 16) {
            return Optional.empty();
        }
        try {
            return Optional.of(Inet6Address.getByAddress(null, value, -1));
        } catch (UnknownHostException impossible) {
            return Optional.empty();
        }
    }

    /** RFC 2865 §5 "time" (seconds since 1970 UTC, unsigned); empty unless exactly 4 octets. */
    public Optional<Instant> asDate() {
        return value.length == 4 ? Optional.of(Instant.ofEpochSecond(unsigned32(value, 0))) : Optional.empty();
    }

    static long unsigned32(byte[] b, int at) {
        return ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFFL) << 16) | ((b[at + 2] & 0xFFL) << 8) | (b[at + 3] & 0xFFL);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attribute a && a.type == type && a.vendorId == vendorId
                && a.vendorType == vendorType && Arrays.equals(a.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * type + vendorId) + vendorType) + Arrays.hashCode(value);
    }

    /** Name and value as the dictionary renders them, e.g. {@code Acct-Status-Type=Interim-Update}. */
    @Override
    public String toString() {
        Dictionary dictionary = Dictionary.standard();
        return dictionary.nameOf(this) + "=" + dictionary.format(this);
    }
}
