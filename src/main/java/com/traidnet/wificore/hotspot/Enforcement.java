package com.traidnet.wificore.hotspot;

import com.traidnet.wificore.radius.SessionControl;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One tenant's enforcement sweep (docs/hotspot.md#enforcement). In one transaction, active
 * subscribers past {@code expires_at} become {@code expired} (PPPoE: due date + grace days),
 * those at or over their data cap with a session open become {@code over_quota} (their rows
 * then carry {@code Auth-Type := Reject}), and PPPoE accounts past their due date but within
 * grace get one {@code overdue} note. After the commit, the live sessions of those cut off are
 * disconnected. Each candidate is re-read under its row lock, so a purchase committing at the
 * same moment wins; a second sweep finds nothing, because only {@code active} subscribers are looked at.
 */
@Service
class Enforcement {

    static final String ACTOR_LABEL = "system:enforcement";
    private static final Actor ACTOR = Actor.system(ACTOR_LABEL);
    /** Disconnect-Requests per open session of a cut-off subscriber: the first and three retries. */
    static final int MAX_DISCONNECT_TRIES = 4;

    /**
     * What the sweep did to one subscriber: {@code expired}, {@code over_quota}, {@code overdue}, or
     * {@code disconnect_retry} (its sessions' earlier Disconnect-Requests went unanswered).
     */
    record Action(UUID subscriberId, String username, String action, List<SessionControl.Disconnected> sessions) {
    }

    private record CutOff(Subscriber subscriber, String action, String reason) {
    }

    private final TenantGateway gateway;
    private final SubscriberWrites writes;
    private final SessionControl sessions;
    private final Clock clock;

    Enforcement(TenantGateway gateway, SubscriberWrites writes, SessionControl sessions, Clock clock) {
        this.gateway = gateway;
        this.writes = writes;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Sweeps {@code tenant} once; returns what it did (empty when nothing was due). */
    List<Action> run(TenantId tenant) {
        Instant now = clock.instant();
        List<CutOff> cut = new ArrayList<>();
        List<Action> done = new ArrayList<>();
        gateway.inTenant(tenant, sql -> {
            for (UUID id : EnforcementQueries.expired(sql, now)) {
                locked(sql, id).filter(s -> s.active() && s.expiresAt() != null && !s.expiresAt().isAfter(now))
                        .ifPresent(s -> cut.add(cutOff(sql, s, "expired", "expired", Map.of("expiresAt",
                                s.expiresAt().toString(), "kind", s.kind()))));
            }
            for (UUID id : EnforcementQueries.overCap(sql)) {
                locked(sql, id).filter(Subscriber::active).ifPresent(s -> overCap(sql, s, cut));
            }
            for (UUID id : EnforcementQueries.overdueInGrace(sql, now)) {
                locked(sql, id).filter(s -> s.active() && s.pppoe() && s.nextDueAt() != null
                        && !s.nextDueAt().isAfter(now)).ifPresent(s -> {
                    Map<String, Object> detail = new LinkedHashMap<>();
                    detail.put("nextDueAt", s.nextDueAt().toString());
                    detail.put(EnforcementQueries.DUE_KEY, s.nextDueAt().getEpochSecond());
                    detail.put("graceDays", s.graceDays());
                    detail.put("cutOffAt", s.expiresAt() == null ? null : s.expiresAt().toString());
                    SubscriberWrites.history(sql, s, ACTOR, "overdue", detail);
                    done.add(new Action(s.id(), s.username(), "overdue", List.of()));
                });
            }
            return null;
        });
        for (CutOff c : cut) {
            done.add(new Action(c.subscriber().id(), c.subscriber().username(), c.action(),
                    disconnect(tenant, c.subscriber(), ACTOR, c.reason())));
        }
        retryDisconnects(tenant, now, done);
        return List.copyOf(done);
    }

    /**
     * Sends the Disconnect-Requests again that a NAS did not answer (down, rebooting, a lost
     * packet after every retransmission), for subscribers still cut off, with backoff and at most
     * {@link #MAX_DISCONNECT_TRIES} in all; a session that outlives them is left to the NAS's own
     * Session-Timeout and the stale-session sweep. Each retry is recorded like the first.
     */
    private void retryDisconnects(TenantId tenant, Instant now, List<Action> done) {
        List<UUID> due = gateway.inTenant(tenant, sql -> EnforcementQueries.disconnectsToRetry(sql, now,
                MAX_DISCONNECT_TRIES));
        for (UUID id : due) {
            Optional<Subscriber> s = gateway.inTenant(tenant, sql -> SubscriberStore.find(sql, id));
            s.filter(x -> !x.active()).ifPresent(x -> done.add(new Action(x.id(), x.username(), "disconnect_retry",
                    disconnect(tenant, x, ACTOR, "still " + x.status().replace('_', ' ') + " (retry)"))));
        }
    }

    /**
     * Ends the subscriber's live sessions and records the NAS's answers in its history
     * (nothing is recorded when it had no open session).
     */
    List<SessionControl.Disconnected> disconnect(TenantId tenant, Subscriber s, Actor actor, String reason) {
        var results = sessions.disconnectUser(tenant, s.username(),
                new SessionControl.Requester(actor.staffId(), actor.label()), reason);
        if (!results.isEmpty()) {
            List<Map<String, Object>> detail = new ArrayList<>();
            for (var r : results) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("sessionId", r.sessionId());
                one.put("acctSessionId", r.acctSessionId());
                one.put("result", r.result().name().toLowerCase());
                one.put("errorCause", r.errorCause());
                one.put("detail", r.detail());
                detail.add(one);
            }
            gateway.inTenant(tenant, sql -> {
                SubscriberWrites.history(sql, s, actor, "disconnected", Map.of("reason", reason, "sessions", detail));
                return null;
            });
        }
        return results;
    }

    private void overCap(JdbcClient sql, Subscriber s, List<CutOff> cut) {
        Long cap = s.terms() == null ? null : s.terms().maxTotalOctets();
        long used = SubscriberStore.octetsUsed(sql, s.username());
        if (cap != null && used >= cap) {
            cut.add(cutOff(sql, s, "over_quota", "data cap reached", Map.of("usedOctets", used,
                    "maxTotalOctets", cap, "dataCapBytes", s.terms().dataCapBytes())));
        }
    }

    private CutOff cutOff(JdbcClient sql, Subscriber s, String status, String reason, Map<String, ?> detail) {
        Subscriber after = writes.update(sql, s, s.withStatus(status), null, ACTOR, status, detail).subscriber();
        return new CutOff(after, status, reason);
    }

    private static Optional<Subscriber> locked(JdbcClient sql, UUID id) {
        return SubscriberStore.lock(sql, id);
    }
}
