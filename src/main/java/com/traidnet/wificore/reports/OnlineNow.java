package com.traidnet.wificore.reports;

import com.traidnet.wificore.platform.Page;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Open accounting sessions. They are found in the small, unpartitioned {@code radacct_sessions} through its partial
 * indexes on open sessions (docs/radius.md); radacct is only probed by its (acctuniqueid, acctstarttime) key for the
 * octets, one partition per session.
 */
@Service
class OnlineNow {

    record ByNas(UUID nasId, String nasName, String nasIp, long sessions, long users) {
    }

    record Session(String username, UUID nasId, String nasName, String nasIp, String framedIp,
                   String callingStationId, Instant startedAt, Instant updatedAt, Long sessionTime, Long inputOctets,
                   Long outputOctets) {
    }

    private final TenantGateway gateway;

    OnlineNow(TenantGateway gateway) {
        this.gateway = gateway;
    }

    List<ByNas> perNas(TenantId tenant) {
        return gateway.inTenant(tenant, sql -> sql.sql("""
                        select s.nas_id, n.name, host(s.nasipaddress) as nas_ip, count(*) as sessions,
                               count(distinct s.username) as users
                        from radacct_sessions s left join nas_clients n on n.id = s.nas_id
                        where s.acctstoptime is null
                        group by 1, 2, 3 order by sessions desc, n.name, nas_ip""")
                .query((rs, n) -> new ByNas(rs.getObject("nas_id", UUID.class), rs.getString("name"),
                        rs.getString("nas_ip"), rs.getLong("sessions"), rs.getLong("users")))
                .list());
    }

    /** Newest first. */
    List<Session> sessions(TenantId tenant, int offset, int limit) {
        return gateway.inTenant(tenant, sql -> sql.sql("""
                        select s.username, s.nas_id, n.name, host(s.nasipaddress) as nas_ip,
                               host(r.framedipaddress) as framed_ip, s.callingstationid, s.acctstarttime,
                               s.acctupdatetime, r.acctsessiontime, r.acctinputoctets, r.acctoutputoctets
                        from (select * from radacct_sessions where acctstoptime is null
                              order by acctstarttime desc, radacctid desc offset :offset limit :limit) s
                        left join lateral (select * from radacct where acctuniqueid = s.acctuniqueid
                                           and acctstarttime = s.acctstarttime limit 1) r on true
                        left join nas_clients n on n.id = s.nas_id
                        order by s.acctstarttime desc, s.radacctid desc""")
                .param("offset", offset).param("limit", limit)
                .query((rs, n) -> new Session(rs.getString("username"), rs.getObject("nas_id", UUID.class),
                        rs.getString("name"), rs.getString("nas_ip"), rs.getString("framed_ip"),
                        rs.getString("callingstationid"), instant(rs, "acctstarttime"), instant(rs, "acctupdatetime"),
                        rs.getObject("acctsessiontime", Long.class), rs.getObject("acctinputoctets", Long.class),
                        rs.getObject("acctoutputoctets", Long.class)))
                .list());
    }

    Page<Session> sessions(TenantId tenant, Page.Request page) {
        return page.of(sessions(tenant, page.offset(), page.limit()));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
