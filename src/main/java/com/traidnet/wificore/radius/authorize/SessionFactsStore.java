package com.traidnet.wificore.radius.authorize;

import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Reads what Simultaneous-Use and the caps need, only for users that have such limits.
 * Open sessions come from the small unpartitioned radacct_sessions; usage sums radacct by
 * username (one index probe per daily partition).
 */
@Component
class SessionFactsStore {

    private final TenantGateway gateway;

    SessionFactsStore(TenantGateway gateway) {
        this.gateway = gateway;
    }

    SessionFacts facts(TenantId tenant, String username, UUID nasId, String callingStationId, boolean usage) {
        return gateway.inTenant(tenant, sql -> {
            long open = sql.sql("""
                            select count(*) from radacct_sessions
                            where username = :u and acctstoptime is null
                              and not (nas_id is not distinct from :nas and :mac::text is not null
                                       and callingstationid = :mac::text)""")
                    .param("u", username).param("nas", nasId).param("mac", callingStationId)
                    .query(Long.class).single();
            if (!usage) {
                return new SessionFacts(open, 0, 0);
            }
            return sql.sql("""
                            select coalesce(sum(acctsessiontime), 0)::bigint,
                                   coalesce(sum(coalesce(acctinputoctets, 0) + coalesce(acctoutputoctets, 0)), 0)::bigint
                            from radacct where username = :u""")
                    .param("u", username)
                    .query((rs, n) -> new SessionFacts(open, rs.getLong(1), rs.getLong(2))).single();
        });
    }
}
