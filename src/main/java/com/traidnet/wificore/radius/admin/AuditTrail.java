package com.traidnet.wificore.radius.admin;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Staff changes to RADIUS data, written to the tenant's audit_log in the same transaction. */
final class AuditTrail {

    private AuditTrail() {
    }

    /** @param action e.g. "radius.user.created"; never pass secrets in {@code subject} */
    static void record(JdbcClient sql, Actor actor, String action, String subject) {
        sql.sql("insert into audit_log (actor_id, actor_email, action, subject) values (?, ?, ?, ?)")
                .params(actor.id(), actor.email(), action, subject)
                .update();
    }
}
