package com.traidnet.wificore.hotspot;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.realtime.RealtimePublisher;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one way a subscriber changes, inside the caller's tenant transaction: the row and its
 * history entry (one statement), then its RADIUS rows, together; activations go to the real-time topic only
 * after the commit (a rolled-back purchase announces nothing).
 */
@Component
class SubscriberWrites {

    static final String TOPIC = "subscribers";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The subscriber as written and the password in force (shown to staff or sent to the buyer once). */
    record Saved(Subscriber subscriber, String password) {
    }

    private final Clock clock;
    private final RealtimePublisher publisher;

    SubscriberWrites(Clock clock, RealtimePublisher publisher) {
        this.clock = clock;
        this.publisher = publisher;
    }

    Clock clock() {
        return clock;
    }

    Saved create(JdbcClient sql, Subscriber s, String password, Actor actor, String action, Map<String, ?> detail) {
        Subscriber stored;
        try {
            stored = SubscriberStore.insert(sql, s, entry(actor, action, detail));
        } catch (DuplicateKeyException e) {
            // the field the form should point at: a hotspot user's username is its phone
            String field = s.pppoe() ? "accountNumber" : "phone";
            throw ApiProblem.conflictOn(field, "a subscriber with username '" + s.username() + "'"
                    + (s.accountNumber() == null ? "" : " or account number '" + s.accountNumber() + "'")
                    + " already exists");
        }
        String effective = RadiusRows.write(sql, stored, password != null ? password : Codes.password(),
                stored.username(), clock.instant());
        return new Saved(stored, effective);
    }

    /** @param password a new password, or null to keep the current one */
    Saved update(JdbcClient sql, Subscriber before, Subscriber after, String password, Actor actor, String action,
                 Map<String, ?> detail) {
        Subscriber stored;
        try {
            stored = SubscriberStore.update(sql, after, entry(actor, action, detail));
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflictOn("username", "username '" + after.username() + "' is taken by another subscriber");
        }
        String effective = RadiusRows.write(sql, stored, password, before.username(), clock.instant());
        return new Saved(stored, effective);
    }

    void delete(JdbcClient sql, Subscriber s, Actor actor) {
        sql.sql("delete from subscribers where id = ?").param(s.id()).update();
        RadiusRows.delete(sql, s.username());
        history(sql, s, actor, "deleted", Map.of("username", s.username()));
    }

    /** Publishes {@code subscriber.activated} once the surrounding transaction commits. */
    void announceActivation(TenantId tenant, Subscriber s, String source) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("subscriberId", s.id().toString());
        data.put("kind", s.kind());
        data.put("username", s.username());
        data.put("packageName", s.terms() == null ? null : s.terms().packageName());
        data.put("expiresAt", s.expiresAt() == null ? null : s.expiresAt().toString());
        data.put("source", source);
        Runnable publish = () -> publisher.publish(tenant, TOPIC, "subscriber.activated", data);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    publish.run();
                }
            });
        } else {
            publish.run();
        }
    }

    /** A history entry without a change to the subscriber (e.g. an overdue notice). */
    static void history(JdbcClient sql, Subscriber s, Actor actor, String action, Map<String, ?> detail) {
        var e = entry(actor, action, detail);
        sql.sql("insert into subscriber_history (subscriber_id, actor, action, detail) values (?, ?, ?, ?::jsonb)")
                .params(s.id(), e.actor(), e.action(), e.detailJson()).update();
    }

    private static SubscriberStore.HistoryEntry entry(Actor actor, String action, Map<String, ?> detail) {
        return new SubscriberStore.HistoryEntry(actor.label(), action, JSON.writeValueAsString(detail));
    }
}
