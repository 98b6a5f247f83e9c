package com.traidnet.wificore.radius.packet;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds dictionary entries from the constants tables. */
final class Definitions {

    private Definitions() {
    }

    /** {@code namedValues} alternates value name and number: "Start", 1, "Stop", 2, … */
    static AttributeDefinition define(String name, int vendorId, int type, DataType dataType, Object... namedValues) {
        if (namedValues.length % 2 != 0) {
            throw new IllegalArgumentException(name + ": value names and numbers must pair up");
        }
        Map<String, Long> values = new LinkedHashMap<>();
        for (int i = 0; i < namedValues.length; i += 2) {
            long number = ((Number) namedValues[i + 1]).longValue();
            if (values.containsValue(number) || values.put((String) namedValues[i], number) != null) {
                throw new IllegalArgumentException(name + ": duplicate value " + namedValues[i]);
            }
        }
        return new AttributeDefinition(name, vendorId, type, dataType, values);
    }
}
