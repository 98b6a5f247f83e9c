package com.traidnet.wificore.radius.admin;

import java.util.List;

/** A validated group to write (same item rules as users; no password). */
record GroupSpec(String name, String description, List<AttributeRow> check, List<AttributeRow> reply) {

    static GroupSpec of(String name, String description, List<AttributeRow> check, List<AttributeRow> reply) {
        return new GroupSpec(AttributeRules.name(name, "name"), description,
                AttributeRules.check(check, "check"), AttributeRules.reply(reply, "reply"));
    }
}
