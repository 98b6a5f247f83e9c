package com.traidnet.wificore.radius.admin;

import java.util.List;

/** A RADIUS group: its radgroupcheck and radgroupreply items, and how many users are in it. */
record GroupView(String name, String description, List<AttributeRow> check, List<AttributeRow> reply,
                 long members) {
}
