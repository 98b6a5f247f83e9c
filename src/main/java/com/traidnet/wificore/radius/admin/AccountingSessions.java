package com.traidnet.wificore.radius.admin;

import com.traidnet.wificore.platform.Page;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Accounting sessions, newest first. Queries are shaped so radacct's partitions are pruned or probed by key. */
@Service
class AccountingSessions {

    /** What to list; null parts do not filter. {@code open} null means open and closed. */
    record Filter(Boolean open, String username, String nasIp) {
    }

    private static final String COLUMNS = """
            select r.radacctid, r.acctsessionid, r.acctuniqueid, r.username, host(r.nasipaddress) as nas_ip,
                   r.nasportid, host(r.framedipaddress) as framed_ip, r.callingstationid, r.calledstationid,
                   r.acctstarttime, r.acctupdatetime, r.acctstoptime, r.acctsessiontime, r.acctinputoctets,
                   r.acctoutputoctets, r.acctterminatecause
            """;
    private static final RowMapper<SessionView> ROW = (rs, n) -> new SessionView(rs.getLong("radacctid"),
            rs.getString("acctsessionid"), rs.getString("acctuniqueid"), rs.getString("username"),
            rs.getString("nas_ip"), rs.getString("nasportid"), rs.getString("framed_ip"),
            rs.getString("callingstationid"), rs.getString("calledstationid"), instant(rs, "acctstarttime"),
            instant(rs, "acctupdatetime"), instant(rs, "acctstoptime"), rs.getObject("acctsessiontime", Long.class),
            rs.getObject("acctinputoctets", Long.class), rs.getObject("acctoutputoctets", Long.class),
            rs.getString("acctterminatecause"), rs.getTimestamp("acctstoptime") == null ? "open" : "closed");

    private final TenantGateway gateway;

    AccountingSessions(TenantGateway gateway) {
        this.gateway = gateway;
    }

    Page<SessionView> list(TenantId tenant, Filter filter, Page.Request page) {
        String query = Boolean.TRUE.equals(filter.open()) ? openSessions(filter) : COLUMNS + " from radacct r where true"
                + (filter.open() == null ? "" : " and r.acctstoptime is not null")
                + (filter.username() == null ? "" : " and r.username = :username")
                + (filter.nasIp() == null ? "" : " and r.nasipaddress = cast(:nasIp as inet)")
                + " order by r.acctstarttime desc, r.radacctid desc offset :offset limit :limit";
        return page.of(gateway.inTenant(tenant, sql -> sql.sql(query)
                .param("username", filter.username()).param("nasIp", filter.nasIp())
                .param("offset", page.offset()).param("limit", page.limit())
                .query(ROW).list()));
    }

    /**
     * The page is cut from the small, unpartitioned radacct_sessions (partial indexes on open
     * sessions); radacct is then only probed by its (acctuniqueid, acctstarttime) key, once
     * per row of the page, which prunes it to one partition each.
     */
    private static String openSessions(Filter filter) {
        return COLUMNS + """
                from (select acctuniqueid, acctstarttime, radacctid from radacct_sessions
                      where acctstoptime is null"""
                + (filter.username() == null ? "" : " and username = :username")
                + (filter.nasIp() == null ? "" : " and nasipaddress = cast(:nasIp as inet)")
                + """
                       order by acctstarttime desc, radacctid desc offset :offset limit :limit) s
                cross join lateral (select * from radacct where acctuniqueid = s.acctuniqueid
                                    and acctstarttime = s.acctstarttime limit 1) r
                order by s.acctstarttime desc, s.radacctid desc""";
    }

    Optional<SessionView> find(TenantId tenant, long id) {
        return gateway.inTenant(tenant, sql -> sql.sql(COLUMNS + " from radacct r where r.radacctid = ?")
                .param(id).query(ROW).optional());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
