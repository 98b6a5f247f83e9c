package com.traidnet.wificore.radius.admin;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.radius.coa.CoaClient;
import com.traidnet.wificore.radius.coa.CoaOutcome;
import com.traidnet.wificore.radius.nas.NasClient;
import com.traidnet.wificore.radius.nas.NasDirectory;
import com.traidnet.wificore.radius.packet.Attribute;
import com.traidnet.wificore.radius.packet.Dictionary;
import com.traidnet.wificore.radius.packet.PacketCode;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.stereotype.Service;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Disconnect and CoA for one session (RFC 5176): the request identifies the session the way
 * NAS expect (User-Name, Acct-Session-Id, Framed-IP-Address, NAS-IP-Address), goes to the
 * NAS's CoA port with retries, and its outcome (ACK, NAK with Error-Cause, timeout) is
 * recorded in radius_coa_requests before it is returned.
 */
@Service
class SessionCommands {

    /** What the caller asked to change, e.g. {@code Mikrotik-Rate-Limit = 1M/2M}. */
    record Change(String attribute, String value) {
    }

    record Outcome(UUID id, long sessionId, String kind, String outcome, Integer errorCause, int attempts,
                   String detail) {
    }

    private record Target(String uniqueId, String acctSessionId, String username, String nasIp, String framedIp,
                          UUID nasId, boolean open) {
    }

    private final TenantGateway gateway;
    private final NasDirectory nasDirectory;
    private final CoaClient coa;
    private final Dictionary dictionary = Dictionary.standard();

    SessionCommands(TenantGateway gateway, NasDirectory nasDirectory, CoaClient coa) {
        this.gateway = gateway;
        this.nasDirectory = nasDirectory;
        this.coa = coa;
    }

    Outcome send(TenantId tenant, long sessionId, PacketCode code, List<Change> changes, Actor actor) {
        return send(tenant, sessionId, code, changes, actor, null);
    }

    /** @param reason why, appended to the audit entry (null for none) */
    Outcome send(TenantId tenant, long sessionId, PacketCode code, List<Change> changes, Actor actor, String reason) {
        Target target = gateway.inTenant(tenant, sql -> sql.sql("""
                        select acctuniqueid, acctsessionid, username, host(nasipaddress), host(framedipaddress), nas_id,
                               acctstoptime is null
                        from radacct where radacctid = ?""").param(sessionId)
                .query((rs, n) -> new Target(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, UUID.class), rs.getBoolean(7)))
                .optional()).orElseThrow(() -> ApiProblem.notFound("session " + sessionId));
        if (!target.open()) {
            throw ApiProblem.conflict("session " + sessionId + " is already closed");
        }
        NasClient nas = target.nasId() == null ? null : nasDirectory.byId(target.nasId())
                .filter(n -> n.tenant().equals(tenant)).orElse(null);
        if (nas == null) {
            throw ApiProblem.conflict("the NAS of session " + sessionId + " is no longer registered");
        }
        List<Attribute> attributes = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            try {
                attributes.add(dictionary.attribute(change.attribute(), change.value()));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalidField("attributes[" + i + "]", e.getMessage());
            }
        }
        attributes.addAll(identification(target));
        String kind = code == PacketCode.DISCONNECT_REQUEST ? "disconnect" : "coa";
        UUID id = UUID.randomUUID();
        gateway.inTenant(tenant, sql -> sql.sql("""
                        insert into radius_coa_requests (id, radacctid, acctuniqueid, username, nas_id, kind, attributes,
                                                         requested_by)
                        values (?, ?, ?, ?, ?, ?, ?::jsonb, ?)""")
                .params(id, sessionId, target.uniqueId(), target.username(), nas.id(), kind, json(changes), actor.id())
                .update());
        CoaOutcome outcome = coa.send(code, destination(nas, target), nas.secret(), attributes).join();
        Outcome result = switch (outcome) {
            case CoaOutcome.Ack ack -> new Outcome(id, sessionId, kind, "ack", null, ack.attempts(), null);
            case CoaOutcome.Nak nak -> new Outcome(id, sessionId, kind, "nak", nak.errorCause(), nak.attempts(), null);
            case CoaOutcome.Timeout t -> new Outcome(id, sessionId, kind, "timeout", null, t.attempts(),
                    "no answer from " + nas.name());
            case CoaOutcome.Failed f -> new Outcome(id, sessionId, kind, "error", null, 0, f.reason());
        };
        gateway.inTenant(tenant, sql -> {
            sql.sql("""
                            update radius_coa_requests set outcome = ?, error_cause = ?, attempts = ?, detail = ?,
                                                           completed_at = now()
                            where id = ?""")
                    .params(result.outcome(), result.errorCause(), result.attempts(), result.detail(), id).update();
            AuditTrail.record(sql, actor, "session." + kind, target.username() + " session " + sessionId + ": "
                    + result.outcome() + (reason == null ? "" : " (" + reason + ")"));
            return null;
        });
        return result;
    }

    private List<Attribute> identification(Target target) {
        List<Attribute> id = new ArrayList<>();
        if (target.username() != null) {
            id.add(dictionary.attribute("User-Name", target.username()));
        }
        id.add(dictionary.attribute("Acct-Session-Id", target.acctSessionId()));
        if (target.framedIp() != null && !target.framedIp().contains(":")) {
            id.add(dictionary.attribute("Framed-IP-Address", target.framedIp()));
        }
        if (target.nasIp() != null && !target.nasIp().contains(":")) {
            id.add(dictionary.attribute("NAS-IP-Address", target.nasIp()));
        }
        return id;
    }

    /** The NAS's own address where the session names one inside its registered range. */
    private static InetSocketAddress destination(NasClient nas, Target target) {
        InetAddress address = nas.network();
        if (target.nasIp() != null) {
            try {
                InetAddress reported = InetAddress.getByName(target.nasIp()); // a literal from inet: no DNS
                if (nas.contains(reported)) {
                    address = reported;
                }
            } catch (UnknownHostException e) {
                // keep the registered address
            }
        }
        return new InetSocketAddress(address, nas.coaPort());
    }

    private static String json(List<Change> changes) {
        StringBuilder out = new StringBuilder("[");
        for (Change c : changes) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(tools.jackson.databind.json.JsonMapper.shared()
                    .writeValueAsString(Map.of("attribute", c.attribute(), "value", c.value())));
        }
        return out.append(']').toString();
    }
}
