package com.traidnet.wificore.reports;

import com.traidnet.wificore.platform.Page;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Subscribers by kind and status, and those whose paid time runs out soon. */
@Service
class SubscriberReports {

    /** {@code unexpired}: may still log in as far as dates go (no expiry, or an expiry in the future). */
    record Count(String kind, String status, long subscribers, long unexpired) {
    }

    record Expiring(UUID id, String kind, String username, String phone, String accountNumber, String packageName,
                    Instant expiresAt) {
    }

    private final TenantGateway gateway;
    private final Clock clock;

    SubscriberReports(TenantGateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    List<Count> counts(TenantId tenant) {
        return gateway.inTenant(tenant, sql -> sql.sql("""
                        select kind, status, count(*) as subscribers,
                               count(*) filter (where expires_at is null or expires_at > :now) as unexpired
                        from subscribers group by kind, status order by kind, status""")
                .param("now", now())
                .query((rs, n) -> new Count(rs.getString("kind"), rs.getString("status"), rs.getLong("subscribers"),
                        rs.getLong("unexpired")))
                .list());
    }

    /** Active subscribers whose expiry is in (now, now + within], soonest first; index subscribers_active_expiry (V7). */
    List<Expiring> expiring(TenantId tenant, Duration within, int offset, int limit) {
        OffsetDateTime now = now();
        return gateway.inTenant(tenant, sql -> sql.sql("""
                        select s.id, s.kind, s.username, s.phone, s.account_number,
                               coalesce(s.terms_package_name, pk.name) as package_name, s.expires_at
                        from subscribers s left join packages pk on pk.id = s.package_id
                        where s.status = 'active' and s.expires_at > :now and s.expires_at <= :until
                        order by s.expires_at, s.id offset :offset limit :limit""")
                .param("now", now).param("until", now.plus(within)).param("offset", offset).param("limit", limit)
                .query((rs, n) -> new Expiring(rs.getObject("id", UUID.class), rs.getString("kind"),
                        rs.getString("username"), rs.getString("phone"), rs.getString("account_number"),
                        rs.getString("package_name"), rs.getTimestamp("expires_at").toInstant()))
                .list());
    }

    Page<Expiring> expiring(TenantId tenant, Duration within, Page.Request page) {
        return page.of(expiring(tenant, within, page.offset(), page.limit()));
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
