package com.traidnet.wificore.radius.authorize;

/** One row of radcheck/radreply/radgroupcheck/radgroupreply: attribute, operator, value text. */
public record AvPair(String attribute, String op, String value) {

    /** FreeRADIUS comparison operators: the item must hold for the request, it sets nothing. */
    boolean comparison() {
        return switch (op) {
            case "==", "!=", ">", ">=", "<", "<=", "=~", "!~", "=*", "!*" -> true;
            default -> false;
        };
    }

    boolean named(String name) {
        return attribute.equalsIgnoreCase(name);
    }
}
