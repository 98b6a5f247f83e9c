package com.traidnet.wificore.radius.admin;

import com.traidnet.wificore.radius.SessionControl;
import com.traidnet.wificore.radius.packet.PacketCode;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link SessionControl} for other modules: finds the user's open sessions in the small
 * radacct_sessions index and disconnects each through {@link SessionCommands}, so every
 * request is sent, retried and recorded as a staff disconnect would be.
 */
@Service
class UserDisconnects implements SessionControl {

    private record Open(long sessionId, String acctSessionId) {
    }

    private final TenantGateway gateway;
    private final SessionCommands commands;

    UserDisconnects(TenantGateway gateway, SessionCommands commands) {
        this.gateway = gateway;
        this.commands = commands;
    }

    @Override
    public List<Disconnected> disconnectUser(TenantId tenant, String username, Requester requester, String reason) {
        List<Open> open = gateway.inTenant(tenant, sql -> sql.sql("""
                        select s.radacctid, r.acctsessionid from radacct_sessions s
                        join radacct r on r.radacctid = s.radacctid and r.acctstarttime = s.acctstarttime
                        where s.username = ? and s.acctstoptime is null
                        order by s.acctstarttime, s.radacctid""")
                .param(username).query((rs, n) -> new Open(rs.getLong(1), rs.getString(2))).list());
        Actor actor = new Actor(requester.staffId(), requester.label());
        List<Disconnected> out = new ArrayList<>();
        for (Open session : open) {
            out.add(disconnect(tenant, session, actor, reason));
        }
        return List.copyOf(out);
    }

    private Disconnected disconnect(TenantId tenant, Open session, Actor actor, String reason) {
        try {
            var outcome = commands.send(tenant, session.sessionId(), PacketCode.DISCONNECT_REQUEST, List.of(), actor,
                    reason);
            Result result = switch (outcome.outcome()) {
                case "ack" -> Result.ACKED;
                case "nak" -> Result.NAKED;
                case "timeout" -> Result.TIMEOUT;
                default -> Result.FAILED;
            };
            return new Disconnected(session.sessionId(), session.acctSessionId(), result, outcome.errorCause(),
                    outcome.detail());
        } catch (RuntimeException e) {
            // closed meanwhile, or its NAS was removed: nothing was sent
            return new Disconnected(session.sessionId(), session.acctSessionId(), Result.FAILED, null, e.getMessage());
        }
    }
}
