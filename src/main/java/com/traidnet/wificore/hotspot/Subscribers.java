package com.traidnet.wificore.hotspot;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.platform.Page;
import com.traidnet.wificore.platform.SqlText;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Staff management of subscribers; every change goes through {@link SubscriberWrites}. */
@Service
class Subscribers {

    record Created(Subscriber subscriber, String password) {
    }

    private final TenantGateway gateway;
    private final SubscriberWrites writes;

    Subscribers(TenantGateway gateway, SubscriberWrites writes) {
        this.gateway = gateway;
        this.writes = writes;
    }

    Created create(TenantId tenant, Actor actor, SubscriberRequest body) {
        return gateway.inTenant(tenant, sql -> {
            Subscriber s = build(sql, body, now());
            var saved = writes.create(sql, s, SubscriberRequest.password(body.password(), "password"), actor,
                    "created", Map.of("username", s.username()));
            if (s.terms() != null) {
                writes.announceActivation(tenant, saved.subscriber(), "staff");
            }
            return new Created(saved.subscriber(), saved.password());
        });
    }

    Subscriber change(TenantId tenant, Actor actor, UUID id, SubscriberChange c) {
        return gateway.inTenant(tenant, sql -> {
            Subscriber before = require(sql, id);
            String username = before.username();
            if (c.username() != null) {
                if (!before.pppoe()) {
                    throw ApiProblem.invalidField("username", "a hotspot subscriber's username is its phone number");
                }
                username = SubscriberRequest.word(c.username(), "username");
            }
            Terms terms = before.terms();
            UUID packageId = before.packageId();
            if (c.packageId() != null && !c.packageId().equals(before.packageId())) {
                PackageView pkg = usablePackage(sql, c.packageId(), before.kind());
                terms = Terms.of(pkg, SubscriberStore.octetsUsed(sql, username));
                packageId = pkg.id();
            }
            String mac = c.macAddress() == null ? before.macAddress() : SubscriberRequest.mac(c.macAddress(), "macAddress");
            String ip = c.staticIp() == null ? before.staticIp() : SubscriberRequest.ipv4(c.staticIp(), "staticIp");
            String pool = c.ipPool() == null ? before.ipPool() : SubscriberRequest.word(c.ipPool(), "ipPool");
            if (ip != null && pool != null) {
                throw ApiProblem.invalidField("staticIp", "give a static IP or a pool, not both");
            }
            Instant due = c.nextDueAt() != null ? c.nextDueAt() : before.nextDueAt();
            int grace = c.graceDays() != null ? c.graceDays() : before.graceDays();
            Instant expires = c.expiresAt() != null ? c.expiresAt() : before.expiresAt();
            if (before.pppoe() && due != null) {
                expires = due.plus(grace, ChronoUnit.DAYS);
            }
            String status = before.status();
            if ("expired".equals(status) && expires != null && expires.isAfter(now())
                    || "over_quota".equals(status) && !java.util.Objects.equals(packageId, before.packageId())) {
                status = "active"; // staff gave what enforcement found missing: more time, or a new package
            }
            var after = new Subscriber(before.id(), before.kind(), username, before.phone(), before.accountNumber(),
                    mac, status, packageId, expires, ip, pool, due, grace, terms, before.createdAt(),
                    before.updatedAt());
            return writes.update(sql, before, after, SubscriberRequest.password(c.password(), "password"), actor,
                    "updated", Changes.between(before, after, c.password() != null)).subscriber();
        });
    }

    Subscriber setStatus(TenantId tenant, Actor actor, UUID id, String status) {
        return gateway.inTenant(tenant, sql -> {
            Subscriber before = require(sql, id);
            return writes.update(sql, before, before.withStatus(status), null, actor, status.equals("active")
                    ? "unblocked" : status, Map.of("from", before.status(), "to", status)).subscriber();
        });
    }

    /** Deletes the subscriber and its RADIUS rows; returns what was deleted. */
    Subscriber remove(TenantId tenant, Actor actor, UUID id) {
        return gateway.inTenant(tenant, sql -> {
            Subscriber gone = require(sql, id);
            writes.delete(sql, gone, actor);
            return gone;
        });
    }

    Optional<Subscriber> find(TenantId tenant, UUID id) {
        return gateway.inTenant(tenant, sql -> SubscriberStore.find(sql, id));
    }

    Page<Subscriber> list(TenantId tenant, String q, String kind, String status, Page.Request page) {
        return page.of(gateway.inTenant(tenant, sql -> sql.sql("select " + Subscriber.COLUMNS + " from subscribers"
                        + " where (lower(username) like :q or lower(coalesce(phone, '')) like :q"
                        + "        or lower(coalesce(account_number, '')) like :q"
                        // a phone typed as people write it (0712 345 678, +254…) finds its stored 2547… form
                        + "        or username = :phone or phone = :phone)"
                        + " and (cast(:kind as text) is null or kind = :kind)"
                        + " and (cast(:status as text) is null or status = :status)"
                        + " order by created_at desc, id offset :offset limit :limit")
                .param("q", SqlText.containsPattern(q)).param("phone", PhoneNumbers.orNull(q))
                .param("kind", kind).param("status", status)
                .param("offset", page.offset()).param("limit", page.limit())
                .query(Subscriber::map).list()));
    }

    /** A new subscriber from a request, validated; shared with CSV import. */
    static Subscriber build(JdbcClient sql, SubscriberRequest r, Instant now) {
        PackageView pkg = r.packageId() == null ? null : usablePackage(sql, r.packageId(), r.kind());
        if ("hotspot".equals(r.kind())) {
            if (pkg == null && r.expiresAt() == null) {
                // neither would be written to RADIUS as no limit at all: online for free, for ever
                throw ApiProblem.invalidField("packageId", "give a hotspot subscriber a package or an expiry"
                        + " (expiresAt); with neither it would be online for free with no end");
            }
            String username = PhoneNumbers.normalise(r.phone(), "phone");
            Terms terms = pkg == null ? null : Terms.of(pkg, SubscriberStore.octetsUsed(sql, username));
            Instant expires = r.expiresAt() != null ? r.expiresAt() : pkg == null ? null : pkg.validity().addTo(now);
            return new Subscriber(null, "hotspot", username, username, null, SubscriberRequest.mac(r.macAddress(),
                    "macAddress"), "active", r.packageId(), expires, null, null, null, 0, terms, null, null);
        }
        String account = SubscriberRequest.word(r.accountNumber(), "accountNumber");
        if (account == null) {
            throw ApiProblem.invalidField("accountNumber", "is required for PPPoE subscribers");
        }
        if (pkg == null) {
            throw ApiProblem.invalidField("packageId", "is required for PPPoE subscribers");
        }
        // payments find an account in any case, so two that differ only in case could not be told apart
        sql.sql("select account_number from subscribers where lower(account_number) = lower(?) limit 1")
                .param(account).query(String.class).optional().ifPresent(taken -> {
                    throw ApiProblem.conflictOn("accountNumber", "account number " + taken + " already exists");
                });
        String username = r.username() == null ? account : SubscriberRequest.word(r.username(), "username");
        String ip = SubscriberRequest.ipv4(r.staticIp(), "staticIp");
        String pool = SubscriberRequest.word(r.ipPool(), "ipPool");
        if (ip != null && pool != null) {
            throw ApiProblem.invalidField("staticIp", "give a static IP or a pool, not both");
        }
        Instant due = r.nextDueAt() != null ? r.nextDueAt() : pkg.validity().addTo(now);
        int grace = r.graceDays() == null ? 0 : r.graceDays();
        return new Subscriber(null, "pppoe", username, r.phone() == null ? null : PhoneNumbers.normalise(r.phone(),
                "phone"), account, SubscriberRequest.mac(r.macAddress(), "macAddress"), "active", pkg.id(),
                due.plus(grace, ChronoUnit.DAYS), ip, pool, due, grace,
                Terms.of(pkg, SubscriberStore.octetsUsed(sql, username)), null, null);
    }

    /** A live package of a type that {@code kind} subscribers use: PPPoE packages for PPPoE, hotspot or trial ones for the hotspot. */
    static PackageView usablePackage(JdbcClient sql, UUID id, String kind) {
        PackageView pkg = Packages.load(sql, id)
                .orElseThrow(() -> ApiProblem.invalidField("packageId", "no such package"));
        if (pkg.archived()) {
            throw ApiProblem.invalidField("packageId", "package '" + pkg.name() + "' is archived");
        }
        if ("pppoe".equals(kind) != "pppoe".equals(pkg.type())) {
            throw ApiProblem.invalidField("packageId", "package '" + pkg.name() + "' is a " + pkg.type()
                    + " package; a " + kind + " subscriber needs " + ("pppoe".equals(kind) ? "a pppoe" : "a hotspot or trial")
                    + " package");
        }
        return pkg;
    }

    private static Subscriber require(JdbcClient sql, UUID id) {
        return SubscriberStore.lock(sql, id).orElseThrow(() -> ApiProblem.notFound("subscriber " + id));
    }

    private Instant now() {
        return writes.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
