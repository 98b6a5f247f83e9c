package com.traidnet.wificore.radius.admin;

import com.traidnet.wificore.platform.Page;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/** The post-auth log (radpostauth), newest first. */
@Service
class PostAuthLog {

    static final String ACCEPT = "Access-Accept";
    static final String REJECT = "Access-Reject";

    private static final RowMapper<PostAuthView> ROW = (rs, n) -> new PostAuthView(rs.getLong("id"),
            rs.getString("username"), result(rs.getString("reply")), rs.getString("reason"),
            rs.getString("nas_ip"), rs.getString("callingstationid"), rs.getTimestamp("authdate").toInstant());

    private final TenantGateway gateway;

    PostAuthLog(TenantGateway gateway) {
        this.gateway = gateway;
    }

    /** @param reply {@link #ACCEPT}, {@link #REJECT} or null for both */
    Page<PostAuthView> list(TenantId tenant, String username, String reply, Page.Request page) {
        String query = """
                select id, username, reply, reason, host(nasipaddress) as nas_ip, callingstationid, authdate
                from radpostauth where true"""
                + (username == null ? "" : " and username = :username")
                + (reply == null ? "" : " and reply = :reply")
                + " order by authdate desc, id desc offset :offset limit :limit";
        return page.of(gateway.inTenant(tenant, sql -> sql.sql(query)
                .param("username", username).param("reply", reply)
                .param("offset", page.offset()).param("limit", page.limit())
                .query(ROW).list()));
    }

    private static String result(String reply) {
        return switch (reply) {
            case ACCEPT -> "accept";
            case REJECT -> "reject";
            default -> reply;
        };
    }
}
