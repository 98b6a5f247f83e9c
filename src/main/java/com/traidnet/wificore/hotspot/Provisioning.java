package com.traidnet.wificore.hotspot;

import com.traidnet.wificore.billing.FulfilmentResult;
import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.radius.RadiusUserChanged;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What every purchase does, whoever paid: a settled payment and a redeemed voucher both go
 * through {@link #hotspot}; a PPPoE bill through {@link #pppoeBill}. Runs inside the
 * caller's tenant transaction, so the purchase and the rights it buys commit together.
 */
@Component
class Provisioning {

    private final SubscriberWrites writes;
    private final ApplicationEventPublisher events;

    Provisioning(SubscriberWrites writes, ApplicationEventPublisher events) {
        this.writes = writes;
        this.events = events;
    }

    /**
     * Creates the phone's hotspot subscriber with the package, or extends it: the duration is added to
     * max(now, current expiry) and the package's current terms become the subscriber's new snapshot.
     * A block placed by staff stays (payment does not overrule it); the device MAC is recorded, not bound.
     */
    FulfilmentResult hotspot(JdbcClient sql, TenantId tenant, PackageView pkg, String phone, String mac, Actor actor,
                             String source) {
        String username;
        try {
            username = PhoneNumbers.normalise(phone, "phone");
        } catch (ApiProblem e) {
            return new FulfilmentResult.Rejected("not a phone number: " + phone);
        }
        long octetsUsed = lockAndCountOctets(sql, username, pkg.dataCapBytes() != null);
        Instant now = writes.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        Terms terms = Terms.of(pkg, octetsUsed);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("package", pkg.name());
        detail.put("source", source);
        if (mac != null) {
            detail.put("macAddress", mac);
        }
        Optional<Subscriber> existing = SubscriberStore.lockByUsername(sql, username);
        SubscriberWrites.Saved saved;
        String issuedPassword = null;
        if (existing.isEmpty()) {
            var fresh = new Subscriber(null, "hotspot", username, username, null, null, "active", pkg.id(),
                    pkg.validity().addTo(now), null, null, null, 0, terms, null, null);
            saved = writes.create(sql, fresh, null, actor, "provisioned", detail);
            issuedPassword = saved.password();
        } else if (existing.get().pppoe()) {
            return new FulfilmentResult.Rejected("username " + username + " belongs to a PPPoE subscriber");
        } else {
            Subscriber before = existing.get();
            Instant expiry = pkg.validity().extend(before.expiresAt(), now);
            Subscriber after = before.renewed(pkg.id(), terms, expiry, null);
            if (cutOffByEnforcement(after)) {
                after = after.withStatus("active"); // a staff block stays; enforcement's cut-off is what was paid off
            }
            saved = writes.update(sql, before, after, null, actor, "extended", detail);
        }
        writes.announceActivation(tenant, saved.subscriber(), source);
        events.publishEvent(new RadiusUserChanged(tenant, username)); // the customer logs in right after paying
        return new FulfilmentResult.Provisioned(username, issuedPassword, saved.subscriber().expiresAt());
    }

    /**
     * One period of the subscriber's own terms: the next due date moves on by it (from the old due
     * date, so arrears are not forgiven), the account expires after the grace days, and a block is lifted.
     */
    FulfilmentResult pppoeBill(JdbcClient sql, TenantId tenant, String accountNumber, Actor actor, String source,
                               java.math.BigDecimal amount, String currency) {
        Optional<Subscriber> found = accountNumber == null ? Optional.empty()
                : SubscriberStore.lockByAccount(sql, accountNumber.strip());
        if (found.isEmpty()) {
            return new FulfilmentResult.Rejected("unknown account number: " + accountNumber);
        }
        Subscriber before = found.get();
        Terms terms = before.terms();
        if (terms == null) {
            return new FulfilmentResult.Rejected("account " + accountNumber + " has no package");
        }
        if (amount != null && (!terms.currency().equalsIgnoreCase(currency) || amount.compareTo(terms.price()) < 0)) {
            return new FulfilmentResult.Rejected("amount " + amount + " " + currency + " does not pay the bill of "
                    + terms.price() + " " + terms.currency());
        }
        Instant now = writes.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        Instant due = terms.validity().addTo(before.nextDueAt() != null ? before.nextDueAt() : now);
        Instant expiry = due.plus(before.graceDays(), ChronoUnit.DAYS);
        // a new period restarts the data cap from what was used so far
        Terms period = new Terms(terms.packageName(), terms.price(), terms.currency(), terms.durationValue(),
                terms.durationUnit(), terms.rateLimit(), terms.devices(), terms.dataCapBytes(),
                SubscriberStore.octetsUsed(sql, before.username()));
        Subscriber after = before.renewed(before.packageId(), period, expiry, due);
        if ("blocked".equals(after.status()) || cutOffByEnforcement(after)) {
            after = after.withStatus("active");
        }
        var saved = writes.update(sql, before, after, null, actor, "bill.paid",
                Map.of("nextDueAt", due.toString(), "source", source));
        writes.announceActivation(tenant, saved.subscriber(), source);
        events.publishEvent(new RadiusUserChanged(tenant, before.username()));
        return new FulfilmentResult.Provisioned(before.username(), null, expiry);
    }

    /** Expired or over quota: set by the enforcement sweep, lifted by the next purchase. */
    private static boolean cutOffByEnforcement(Subscriber s) {
        return "expired".equals(s.status()) || "over_quota".equals(s.status());
    }

    /**
     * Two purchases for one phone wait for each other, so neither extends a stale expiry. The
     * octets the phone has used so far come in the same round trip (accounting does not take
     * this lock, so reading them before or after it makes no difference), and only when the
     * package has a data cap: they are the base the cap counts from and mean nothing without
     * one, and summing radacct touches every one of its daily partitions.
     */
    private static long lockAndCountOctets(JdbcClient sql, String username, boolean capped) {
        String lock = "(select pg_advisory_xact_lock(hashtextextended(current_schema() || ':hotspot:' || ?, 0))) is null";
        if (!capped) {
            sql.sql("select " + lock).param(username).query().singleRow();
            return 0;
        }
        return sql.sql("select " + lock + ", " + SubscriberStore.OCTETS_USED)
                .params(username, username).query((rs, n) -> rs.getLong(2)).single();
    }
}
