package com.traidnet.wificore.seed;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Subscribers, their history's first line and their {@code radcheck}/{@code radreply} rows. The RADIUS rows are
 * the ones the hotspot module derives for a subscriber (docs/hotspot.md, {@code RadiusRows}): password,
 * {@code Auth-Type := Reject} when not active or expired, {@code Expiration}, {@code Simultaneous-Use},
 * {@code Max-Total-Octets} for a capped plan, the MAC binding; {@code Mikrotik-Rate-Limit} and the address.
 */
final class SubscriberRows {

    private static final String COLUMNS = """
            id, kind, username, phone, account_number, mac_address, status, package_id, expires_at, static_ip,
            ip_pool, next_due_at, grace_days, terms_package_name, terms_price, terms_currency, terms_duration_value,
            terms_duration_unit, terms_rate_limit, terms_devices, terms_data_cap_bytes, terms_octets_base,
            created_at, updated_at""";

    private SubscriberRows() {
    }

    /** Answers the subscribers' ids, by {@code Person.n}. */
    static UUID[] copy(DataSource db, List<Population.Person> people, List<Catalogue.Plan> plans, Instant now) {
        UUID[] ids = new UUID[people.size()];
        try (var rows = new CopyRows(db, "subscribers", COLUMNS)) {
            for (Population.Person p : people) {
                Catalogue.Plan plan = plans.get(p.plan());
                ids[p.n()] = UUID.randomUUID();
                rows.add(ids[p.n()]).add(p.kind()).add(p.username()).add(p.phone()).add(p.account()).add(p.mac())
                        .add(p.status()).add(plan.id()).add(p.expiresAt()).add(p.staticIp())
                        .add(p.hotspot() || p.staticIp() != null ? null : "pppoe-pool").add(p.nextDueAt())
                        .add(p.hotspot() ? 0 : 3).add(plan.name()).add(BigDecimal.valueOf(plan.price())).add("KES")
                        .add(plan.durationValue()).add(plan.durationUnit()).add(plan.rateLimit()).add(plan.devices())
                        .add(plan.dataCapBytes()).add(0).add(p.createdAt()).add(p.lastBuy()).end();
            }
        }
        try (var rows = new CopyRows(db, "subscriber_history", "subscriber_id, at, actor, action, detail")) {
            for (Population.Person p : people) {
                rows.add(ids[p.n()]).add(p.createdAt()).add("seed").add(p.hotspot() ? "provisioned" : "created")
                        .add("{\"package\": \"" + plans.get(p.plan()).name() + "\", \"source\": \"seed\"}").end();
            }
        }
        try (var check = new CopyRows(db, "radcheck", "username, attribute, op, value")) {
            for (Population.Person p : people) {
                Catalogue.Plan plan = plans.get(p.plan());
                check(check, p.username(), "Cleartext-Password", ":=", p.password());
                if (!p.status().equals("active") || !p.expiresAt().isAfter(now)) {
                    check(check, p.username(), "Auth-Type", ":=", "Reject");
                }
                check(check, p.username(), "Expiration", ":=", p.expiresAt().truncatedTo(ChronoUnit.SECONDS).toString());
                check(check, p.username(), "Simultaneous-Use", ":=", Integer.toString(plan.devices()));
                if (plan.dataCapBytes() != null) {
                    check(check, p.username(), "Max-Total-Octets", ":=", Long.toString(plan.dataCapBytes()));
                }
                if (p.mac() != null) {
                    check(check, p.username(), "Calling-Station-Id", "==", p.mac());
                }
            }
        }
        try (var reply = new CopyRows(db, "radreply", "username, attribute, op, value")) {
            for (Population.Person p : people) {
                check(reply, p.username(), "Mikrotik-Rate-Limit", ":=", plans.get(p.plan()).rateLimit());
                if (p.staticIp() != null) {
                    check(reply, p.username(), "Framed-IP-Address", ":=", p.staticIp());
                } else if (!p.hotspot()) {
                    check(reply, p.username(), "Framed-Pool", ":=", "pppoe-pool");
                }
            }
        }
        return ids;
    }

    private static void check(CopyRows rows, String username, String attribute, String op, String value) {
        rows.add(username).add(attribute).add(op).add(value).end();
    }
}
