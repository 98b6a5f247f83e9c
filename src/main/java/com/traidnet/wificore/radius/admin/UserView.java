package com.traidnet.wificore.radius.admin;

import java.util.List;

/**
 * A RADIUS user: its radcheck items (without the password row), radreply items and groups.
 *
 * @param passwordType the password attribute (e.g. "Cleartext-Password"), never the password; null if none
 */
record UserView(String username, String passwordType, List<AttributeRow> check, List<AttributeRow> reply,
                List<Membership> groups) {
}
