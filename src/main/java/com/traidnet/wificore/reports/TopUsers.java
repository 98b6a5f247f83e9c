package com.traidnet.wificore.reports;

import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * The users who moved the most data in a range: input + output octets of their sessions that started in the range
 * (a session is counted whole on its start day). Naming the acctstarttime range prunes radacct to those days.
 */
@Service
class TopUsers {

    static final int MAX_LIMIT = 100;

    /** Input is what the user sent (upload), output what they received (download), as in RADIUS accounting. */
    record TopUser(String username, long sessions, long inputOctets, long outputOctets, long totalOctets) {
    }

    /** Named parameters {@code :start}, {@code :end} (exclusive) and {@code :limit}. */
    static final String SQL = """
            select username, count(*) as sessions, sum(coalesce(acctinputoctets, 0)) as input,
                   sum(coalesce(acctoutputoctets, 0)) as output,
                   sum(coalesce(acctinputoctets, 0) + coalesce(acctoutputoctets, 0)) as total
            from radacct
            where acctstarttime >= :start and acctstarttime < :end and username is not null
            group by username order by total desc, username limit :limit""";

    private final TenantGateway gateway;

    TopUsers(TenantGateway gateway) {
        this.gateway = gateway;
    }

    List<TopUser> top(TenantId tenant, ReportRange range, int limit) {
        return gateway.inTenant(tenant, sql -> sql.sql(SQL)
                .params(range.params()).param("limit", limit)
                .query((rs, n) -> new TopUser(rs.getString("username"), rs.getLong("sessions"), rs.getLong("input"),
                        rs.getLong("output"), rs.getLong("total")))
                .list());
    }
}
