package com.traidnet.wificore.radius.packet;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the dictionary knows about one attribute: its name, where it lives (vendor 0 for
 * standard attributes), its data type and, for enumerated integers, the named values.
 */
public record AttributeDefinition(String name, int vendorId, int type, DataType dataType, Map<String, Long> values) {

    public AttributeDefinition {
        values = Map.copyOf(values);
    }

    /** True when this is a Vendor-Specific sub-attribute. */
    public boolean isVendorSpecific() {
        return vendorId != 0;
    }

    /** True when {@code attribute} is an instance of this definition. */
    public boolean matches(Attribute attribute) {
        return isVendorSpecific()
                ? attribute.vendorId() == vendorId && attribute.vendorType() == type
                : attribute.vendorId() == 0 && attribute.type() == type;
    }

    /** An attribute of this definition with the given raw value. */
    public Attribute withValue(byte[] value) {
        return isVendorSpecific() ? Attribute.vendorSpecific(vendorId, type, value) : Attribute.of(type, value);
    }

    /** The number behind an enumerated value name (case-insensitive), e.g. "Interim-Update" → 3. */
    public OptionalLong value(String valueName) {
        return values.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(valueName))
                .mapToLong(Map.Entry::getValue)
                .findFirst();
    }

    /** The name of an enumerated value, e.g. 3 → "Interim-Update". */
    public Optional<String> valueName(long number) {
        return values.entrySet().stream()
                .filter(e -> e.getValue() == number)
                .map(Map.Entry::getKey)
                .findFirst();
    }
}
