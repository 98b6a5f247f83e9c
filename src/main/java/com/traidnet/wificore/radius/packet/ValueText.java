package com.traidnet.wificore.radius.packet;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Attribute values ↔ their text form, per data type (RFC 8044 §3). */
final class ValueText {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern IFID = Pattern.compile("\\p{XDigit}{4}(:\\p{XDigit}{4}){3}");
    private static final HexFormat HEX = HexFormat.of();

    private ValueText() {
    }

    static byte[] parse(AttributeDefinition definition, String text) {
        try {
            return switch (definition.dataType()) {
                case STRING -> text.getBytes(StandardCharsets.UTF_8);
                case OCTETS -> text.startsWith("0x") ? HEX.parseHex(text.substring(2)) : text.getBytes(StandardCharsets.UTF_8);
                case INTEGER -> integer(definition.value(text.trim()).orElseGet(() -> number(text.trim())));
                case DATE -> integer(epochSeconds(text.trim()));
                case IPADDR -> ipv4(text.trim());
                case IPV6ADDR -> ipv6(text.trim());
                case IPV6PREFIX -> ipv6Prefix(text.trim());
                case IFID -> ifid(text.trim());
            };
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException(definition.name() + ": cannot use \"" + text + "\" as "
                    + definition.dataType() + ": " + e.getMessage(), e);
        }
    }

    static String format(AttributeDefinition definition, byte[] value) {
        return switch (definition.dataType()) {
            case STRING -> new String(value, StandardCharsets.UTF_8);
            case INTEGER -> value.length != 4 ? hex(value) : definition.valueName(Attribute.unsigned32(value, 0))
                    .orElseGet(() -> Long.toString(Attribute.unsigned32(value, 0)));
            case DATE -> value.length == 4 ? Instant.ofEpochSecond(Attribute.unsigned32(value, 0)).toString() : hex(value);
            case IPADDR -> value.length == 4 ? address(value) : hex(value);
            case IPV6ADDR -> value.length == 16 ? address(value) : hex(value);
            case IPV6PREFIX -> formatIpv6Prefix(value);
            case IFID -> value.length == 8 ? formatIfid(value) : hex(value);
            case OCTETS -> hex(value);
        };
    }

    static String hex(byte[] value) {
        return "0x" + HEX.formatHex(value);
    }

    static byte[] integer(long number) {
        if (number < 0 || number > 0xFFFFFFFFL) {
            throw new IllegalArgumentException(number + " is outside 0..4294967295");
        }
        return ByteBuffer.allocate(4).putInt((int) number).array();
    }

    private static long number(String text) {
        return text.startsWith("0x") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
    }

    private static long epochSeconds(String text) {
        return text.chars().allMatch(Character::isDigit) && !text.isEmpty()
                ? Long.parseLong(text)
                : Instant.parse(text).getEpochSecond();
    }

    private static byte[] ipv4(String text) {
        var m = IPV4.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a dotted-quad IPv4 address");
        }
        byte[] address = new byte[4];
        for (int i = 0; i < 4; i++) {
            int octet = Integer.parseInt(m.group(i + 1));
            if (octet > 255) {
                throw new IllegalArgumentException("octet " + octet + " > 255");
            }
            address[i] = (byte) octet;
        }
        return address;
    }

    private static byte[] ipv6(String text) {
        // only literals reach InetAddress, so this never asks DNS
        if (!IPV6.matcher(text).matches()) {
            throw new IllegalArgumentException("not an IPv6 address literal");
        }
        try {
            byte[] raw = InetAddress.getByName(text).getAddress();
            if (raw.length == 16) {
                return raw;
            }
            byte[] mapped = new byte[16]; // ::ffff:a.b.c.d comes back as IPv4
            mapped[10] = (byte) 0xFF;
            mapped[11] = (byte) 0xFF;
            System.arraycopy(raw, 0, mapped, 12, 4);
            return mapped;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** RFC 3162 §2.3: reserved octet, prefix length, then only the octets the prefix covers. */
    private static byte[] ipv6Prefix(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("expected address/length");
        }
        int bits = Integer.parseInt(text.substring(slash + 1));
        if (bits < 0 || bits > 128) {
            throw new IllegalArgumentException("prefix length " + bits + " is outside 0..128");
        }
        byte[] address = ipv6(text.substring(0, slash));
        byte[] prefix = Arrays.copyOf(address, (bits + 7) / 8);
        if (bits % 8 != 0) {
            prefix[prefix.length - 1] &= (byte) (0xFF << (8 - bits % 8)); // bits past the length are zero
        }
        byte[] value = new byte[2 + prefix.length];
        value[1] = (byte) bits;
        System.arraycopy(prefix, 0, value, 2, prefix.length);
        return value;
    }

    private static String formatIpv6Prefix(byte[] value) {
        if (value.length < 2 || value.length > 18 || (value[1] & 0xFF) > 128) {
            return hex(value);
        }
        return address(Arrays.copyOf(Arrays.copyOfRange(value, 2, value.length), 16)) + "/" + (value[1] & 0xFF);
    }

    private static byte[] ifid(String text) {
        if (!IFID.matcher(text).matches()) {
            throw new IllegalArgumentException("expected hhhh:hhhh:hhhh:hhhh");
        }
        return HEX.parseHex(text.replace(":", ""));
    }

    private static String formatIfid(byte[] value) {
        String h = HEX.formatHex(value);
        return h.substring(0, 4) + ":" + h.substring(4, 8) + ":" + h.substring(8, 12) + ":" + h.substring(12);
    }

    private static String address(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw).getHostAddress();
        } catch (UnknownHostException impossible) {
            return hex(raw);
        }
    }
}
