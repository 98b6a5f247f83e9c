package com.traidnet.wificore.radius.accounting;

import com.traidnet.wificore.partition.PartitionsRetired;
import com.traidnet.wificore.tenant.TenantGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * radacct_sessions holds one row per session radacct has; when partition maintenance retires
 * radacct's days, the rows of sessions that started before the cut-off go too (their radacct row
 * is gone or archived, so an Interim or Stop for them could not be recorded anyway).
 */
@Component
class RetiredSessions {

    private static final Logger log = LoggerFactory.getLogger(RetiredSessions.class);

    private final TenantGateway gateway;

    RetiredSessions(TenantGateway gateway) {
        this.gateway = gateway;
    }

    @EventListener
    void on(PartitionsRetired retired) {
        if (retired.tenant() == null || !"radacct".equals(retired.table())) {
            return;
        }
        try {
            int deleted = gateway.inTenant(retired.tenant(), sql -> sql.sql(
                            "delete from radacct_sessions where acctstarttime < ?")
                    .param(Timestamp.from(retired.before())).update());
            if (deleted > 0) {
                log.info("tenant {}: {} session index row(s) before {} removed with radacct's retired days",
                        retired.schema(), deleted, retired.before());
            }
        } catch (RuntimeException e) {
            log.warn("tenant {}: radacct_sessions not pruned: {}", retired.schema(), e.getMessage());
        }
    }
}
