package com.traidnet.wificore.partition;

/** Where a managed table lives: in every tenant schema, or once in {@code public}. */
public enum SchemaKind {
    TENANT, PLATFORM;

    static SchemaKind parse(String word) {
        return switch (word) {
            case "tenant" -> TENANT;
            case "platform" -> PLATFORM;
            default -> throw new IllegalArgumentException("schema kind must be 'tenant' or 'platform', not '" + word + "'");
        };
    }
}
