package com.traidnet.wificore.platform.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Row-level security does not apply to superusers or roles with BYPASSRLS. With an
 * external database ({@code WIFICORE_DB_URL}) the operator picks the role, so say loudly
 * when it would defeat tenant isolation's second line of defence.
 */
@Component
class DatabaseRoleCheck implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRoleCheck.class);
    private final JdbcClient sql;

    DatabaseRoleCheck(JdbcClient sql) {
        this.sql = sql;
    }

    @Override
    public void afterSingletonsInstantiated() {
        boolean bypasses = sql.sql("select rolsuper or rolbypassrls from pg_roles where rolname = current_user")
                .query(Boolean.class).optional().orElse(false);
        if (bypasses) {
            log.warn("the database role is a superuser or has BYPASSRLS: row-level security is NOT enforced."
                    + " Use an ordinary role (see docs/configuration.md)");
        }
    }
}
