package com.traidnet.wificore.water;

import com.traidnet.wificore.identity.StaffPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

/**
 * Who made a change: a staff member, or the system on behalf of a payment or a device.
 *
 * @param staffId null unless a staff member
 * @param label   the e-mail of staff, {@code payment:<receipt>}, {@code device:<device id>}
 */
record Actor(UUID staffId, String label) {

    static Actor of(StaffPrincipal who) {
        return new Actor(who.userId(), who.email());
    }

    static Actor system(String label) {
        return new Actor(null, label);
    }

    /** The tenant's audit_log, in the caller's transaction; never pass secrets in {@code subject}. */
    void audit(JdbcClient sql, String action, String subject) {
        sql.sql("insert into audit_log (actor_id, actor_email, action, subject) values (?, ?, ?, ?)")
                .params(staffId, label, action, subject).update();
    }
}
