package com.traidnet.wificore.radius.admin;

import com.traidnet.wificore.platform.ApiProblem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * A validated user to write: canonical attribute names, operators filled in, group
 * priorities resolved.
 *
 * @param password the password row, or null to keep the current one (updates only)
 */
record UserSpec(String username, AttributeRow password, List<AttributeRow> check, List<AttributeRow> reply,
                List<Membership> groups) {

    static UserSpec of(String username, String password, String passwordType, List<AttributeRow> check,
                       List<AttributeRow> reply, List<Membership> groups) {
        if (password == null && passwordType != null) {
            throw ApiProblem.invalidField("password", "is required when passwordType is given");
        }
        return new UserSpec(AttributeRules.name(username, "username"),
                password == null ? null : ControlValues.password(passwordType, password),
                AttributeRules.check(check, "check"), AttributeRules.reply(reply, "reply"), memberships(groups));
    }

    List<String> groupNames() {
        return groups.stream().map(Membership::name).toList();
    }

    /** Priority defaults to the position in the list, from 1. */
    private static List<Membership> memberships(List<Membership> groups) {
        var resolved = new ArrayList<Membership>();
        var seen = new HashSet<String>();
        for (int i = 0; groups != null && i < groups.size(); i++) {
            Membership m = groups.get(i);
            String field = "groups[" + i + "]";
            if (m == null) {
                throw ApiProblem.invalidField(field, "must be a group name or {name, priority}");
            }
            String name = AttributeRules.name(m.name(), field + ".name");
            if (!seen.add(name)) {
                throw ApiProblem.invalidField(field + ".name", "group '" + name + "' is listed twice");
            }
            resolved.add(new Membership(name, m.priority() == null ? i + 1 : m.priority()));
        }
        return List.copyOf(resolved);
    }
}
