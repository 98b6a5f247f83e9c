package com.traidnet.wificore.radius.packet;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Attribute names ↔ (vendor, type, data type, named values), and conversion between
 * attribute values and the text form used in {@code radcheck}/{@code radreply} rows.
 * Names are matched case-insensitively, as FreeRADIUS does.
 */
public final class Dictionary {

    /**
     * Our vendor id for Vendor-Specific attributes. Not an IANA-assigned enterprise number
     * yet: change it here (and in NAS dictionaries, see docs/radius-dictionary.md) once we
     * have one.
     */
    public static final int WIFICORE_VENDOR_ID = 64998;
    /** Vendor type of {@code Tenant-ID} under {@link #WIFICORE_VENDOR_ID}. */
    public static final int TENANT_ID_TYPE = 1;

    private static final Dictionary STANDARD =
            new Dictionary(Stream.concat(RfcAttributes.all().stream(), VendorAttributes.all().stream()).toList(),
                    VendorAttributes.VENDOR_NAMES);

    private final Map<String, AttributeDefinition> byName = new HashMap<>();
    private final Map<Long, AttributeDefinition> byCode = new HashMap<>();
    private final Map<Integer, String> vendorNames;

    private Dictionary(List<AttributeDefinition> definitions, Map<Integer, String> vendorNames) {
        this.vendorNames = Map.copyOf(vendorNames);
        for (AttributeDefinition d : definitions) {
            boolean clash = byName.put(d.name().toLowerCase(Locale.ROOT), d) != null
                    | byCode.put(code(d.vendorId(), d.type()), d) != null;
            if (clash) {
                throw new IllegalStateException("dictionary defines " + d.name() + " twice");
            }
        }
    }

    /** The built-in dictionary: RFC attributes plus Microsoft, MikroTik, WISPr, ChilliSpot, WifiCore. */
    public static Dictionary standard() {
        return STANDARD;
    }

    /** The definition with this name, e.g. "Acct-Status-Type" or "Mikrotik-Rate-Limit". */
    public Optional<AttributeDefinition> definition(String name) {
        return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The definition {@code attribute} is an instance of, if the dictionary knows it. */
    public Optional<AttributeDefinition> definition(Attribute attribute) {
        long key = attribute.isVendorSpecific()
                ? code(attribute.vendorId(), attribute.vendorType())
                : code(0, attribute.type());
        return Optional.ofNullable(byCode.get(key));
    }

    /** The vendor's name, e.g. 14988 → "Mikrotik". */
    public Optional<String> vendorName(int vendorId) {
        return Optional.ofNullable(vendorNames.get(vendorId));
    }

    /** The attribute's name, or FreeRADIUS's form for unknown ones: "Attr-26.14988.99", "Attr-250". */
    public String nameOf(Attribute attribute) {
        return definition(attribute).map(AttributeDefinition::name).orElseGet(() -> attribute.isVendorSpecific()
                ? "Attr-26." + attribute.vendorId() + "." + attribute.vendorType()
                : "Attr-" + attribute.type());
    }

    /**
     * An attribute from its name and text value, as stored in {@code radreply}: integers as
     * decimal, {@code 0x}-hex or a value name; addresses in their usual text form; dates as
     * epoch seconds or ISO-8601; octets as {@code 0x}-hex or literal text.
     *
     * @throws IllegalArgumentException for an unknown name or a value that does not parse
     */
    public Attribute attribute(String name, String value) {
        AttributeDefinition definition = definition(name)
                .orElseThrow(() -> new IllegalArgumentException("unknown attribute " + name));
        return definition.withValue(ValueText.parse(definition, value));
    }

    /** The attribute's value as text, the inverse of {@link #attribute(String, String)}. */
    public String format(Attribute attribute) {
        return definition(attribute)
                .map(d -> ValueText.format(d, attribute.bytes()))
                .orElseGet(() -> ValueText.hex(attribute.bytes()));
    }

    /** The definition with this name; for the codec's own well-known attributes. */
    AttributeDefinition require(String name) {
        return definition(name).orElseThrow(() -> new IllegalArgumentException("unknown attribute " + name));
    }

    private static long code(int vendorId, int type) {
        return ((long) vendorId << 8) | type;
    }
}
