package com.traidnet.wificore.dashboard;

import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** The dashboard's queries; each one reads an index or a time range of radacct, never a whole table. */
@Service
class DashboardQueries {

    record Revenue(String currency, long payments, BigDecimal amount) {
    }

    record Counts(long onlineSessions, long onlineUsers, long activeSubscribers, long pendingPayments,
                  long paymentsToday, long failedToday, long unmatchedToday) {
    }

    record UsageDay(LocalDate day, long sessions, long inputOctets, long outputOctets) {
    }

    private final TenantGateway gateway;

    DashboardQueries(TenantGateway gateway) {
        this.gateway = gateway;
    }

    /** Open sessions through radacct_sessions' partial indexes; today's payments through payments_created_idx. */
    Counts counts(TenantId tenant, Instant now, Instant dayStart) {
        return gateway.inTenant(tenant, sql -> sql.sql("""
                        select (select count(*) from radacct_sessions where acctstoptime is null) as online_sessions,
                               (select count(distinct username) from radacct_sessions
                                 where acctstoptime is null) as online_users,
                               (select count(*) from subscribers where status = 'active'
                                 and (expires_at is null or expires_at > :now)) as active_subscribers,
                               (select count(*) from payments where status = 'pending') as pending,
                               (select count(*) from payments where created_at >= :day) as today,
                               (select count(*) from payments where created_at >= :day
                                 and status = 'failed') as failed_today,
                               (select count(*) from payments where created_at >= :day
                                 and status = 'unmatched') as unmatched_today""")
                .param("now", Timestamp.from(now)).param("day", Timestamp.from(dayStart))
                .query((rs, n) -> new Counts(rs.getLong("online_sessions"), rs.getLong("online_users"),
                        rs.getLong("active_subscribers"), rs.getLong("pending"), rs.getLong("today"),
                        rs.getLong("failed_today"), rs.getLong("unmatched_today")))
                .single());
    }

    /** Settled payments since {@code from} per currency (payments_settled_idx), amounts as paid. */
    List<Revenue> revenueSince(TenantId tenant, Instant from) {
        return gateway.inTenant(tenant, sql -> sql.sql("""
                        select currency, count(*) as payments, coalesce(sum(coalesce(paid_amount, amount)), 0) as amount
                        from payments where status = 'settled' and settled_at >= :from
                        group by currency order by currency""")
                .param("from", Timestamp.from(from))
                .query((rs, n) -> new Revenue(rs.getString("currency"), rs.getLong("payments"),
                        rs.getBigDecimal("amount")))
                .list());
    }
}
