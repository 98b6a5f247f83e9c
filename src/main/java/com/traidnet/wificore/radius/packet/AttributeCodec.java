package com.traidnet.wificore.radius.packet;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Attribute framing on the wire: RFC 2865 §5 (type, length, value) and §5.26 (Vendor-Specific). */
final class AttributeCodec {

    private static final int VSA_HEADER = 6; // Vendor-Id (4) + vendor type (1) + vendor length (1)

    private AttributeCodec() {
    }

    /** Reads the attributes in {@code packet[from, to)}. */
    static List<Attribute> read(byte[] packet, int from, int to) throws RadiusCodecException {
        List<Attribute> attributes = new ArrayList<>();
        for (int at = from; at < to; at += packet[at + 1] & 0xFF) {
            int type = checkedType(packet, at, to);
            byte[] value = Arrays.copyOfRange(packet, at + 2, at + (packet[at + 1] & 0xFF));
            if (type == RadiusPacket.MESSAGE_AUTHENTICATOR && value.length != 16) {
                throw new RadiusCodecException("Message-Authenticator has " + value.length
                        + " octets, not 16 (RFC 3579 §3.2)");
            }
            if (type == Attribute.VENDOR_SPECIFIC) {
                attributes.addAll(vendorSpecific(value).orElseGet(() -> List.of(Attribute.of(type, value))));
            } else {
                attributes.add(Attribute.of(type, value));
            }
        }
        return attributes;
    }

    /** RFC 2865 §5: a type other than 0 and a length of at least 2 that stays inside the packet. */
    private static int checkedType(byte[] packet, int at, int to) throws RadiusCodecException {
        if (to - at < 2) {
            throw new RadiusCodecException("attribute header at offset " + at + " is truncated");
        }
        int type = packet[at] & 0xFF;
        int length = packet[at + 1] & 0xFF;
        if (type == 0) {
            throw new RadiusCodecException("attribute type 0 at offset " + at + " is reserved");
        }
        if (length < 2 || at + length > to) {
            throw new RadiusCodecException("attribute " + type + " at offset " + at + " has length " + length
                    + (length < 2 ? ", less than 2" : ", past the end of the packet") + " (RFC 2865 §5)");
        }
        return type;
    }

    /**
     * RFC 2865 §5.26: Vendor-Id (high octet 0) then one or more sub-attributes in the recommended
     * vendor-type/vendor-length layout. Anything else is not an error, only opaque: the caller
     * keeps it as raw type 26, as FreeRADIUS does.
     */
    private static Optional<List<Attribute>> vendorSpecific(byte[] value) {
        if (value.length < VSA_HEADER || value[0] != 0) {
            return Optional.empty();
        }
        int vendorId = (int) Attribute.unsigned32(value, 0);
        if (vendorId == 0) {
            return Optional.empty();
        }
        List<Attribute> subAttributes = new ArrayList<>();
        int at = 4;
        while (at < value.length) {
            int length = value.length - at >= 2 ? value[at + 1] & 0xFF : 0;
            if (length < 2 || at + length > value.length) {
                return Optional.empty();
            }
            byte[] subValue = Arrays.copyOfRange(value, at + 2, at + length);
            subAttributes.add(Attribute.vendorSpecific(vendorId, value[at] & 0xFF, subValue));
            at += length;
        }
        return Optional.of(subAttributes);
    }

    /** Octets {@code attribute} takes on the wire; a parsed VSA goes out one sub-attribute per type 26. */
    static int encodedLength(Attribute attribute) {
        return attribute.length() + (attribute.isVendorSpecific() ? 2 + VSA_HEADER : 2);
    }

    static void write(Attribute attribute, ByteBuffer out) {
        out.put((byte) attribute.type());
        out.put((byte) encodedLength(attribute));
        if (attribute.isVendorSpecific()) {
            out.putInt(attribute.vendorId());
            out.put((byte) attribute.vendorType());
            out.put((byte) (attribute.length() + 2));
        }
        out.put(attribute.bytes());
    }
}
