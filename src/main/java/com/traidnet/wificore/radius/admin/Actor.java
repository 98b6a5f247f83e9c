package com.traidnet.wificore.radius.admin;

import com.traidnet.wificore.identity.StaffPrincipal;

import java.util.UUID;

/** The staff member behind a change, for the audit log. */
record Actor(UUID id, String email) {

    static Actor of(StaffPrincipal who) {
        return new Actor(who.userId(), who.email());
    }
}
