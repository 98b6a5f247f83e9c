package com.traidnet.wificore.water;

import com.traidnet.wificore.platform.Page;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** Dispenses as booked, newest first, filtered; a time range prunes the daily partitions. */
@Service
class Transactions {

    record Transaction(long id, Instant dispensedAt, Instant endedAt, Instant recordedAt, UUID dispenserId,
                       String dispenserName, long deviceSeq, UUID customerId, String customerName, String customerRef,
                       BigDecimal litres, BigDecimal amount, BigDecimal debit, String flag) {
    }

    record Filter(UUID dispenser, UUID customer, Instant from, Instant to, Boolean flagged) {
    }

    private final TenantGateway gateway;

    Transactions(TenantGateway gateway) {
        this.gateway = gateway;
    }

    Page<Transaction> list(TenantId tenant, Filter f, Page.Request page) {
        return page.of(gateway.inTenant(tenant, sql -> sql.sql("""
                        select t.*, d.name as dispenser_name, c.name as customer_name from water_transactions t
                        left join dispensers d on d.id = t.dispenser_id
                        left join water_customers c on c.id = t.customer_id
                        where (cast(:dispenser as uuid) is null or t.dispenser_id = :dispenser)
                          and (cast(:customer as uuid) is null or t.customer_id = :customer)
                          and t.dispensed_at >= :from and t.dispensed_at < :to
                          and (cast(:flagged as boolean) is null or (t.flag is not null) = :flagged)
                        order by t.dispensed_at desc, t.id desc offset :offset limit :limit""")
                .param("dispenser", f.dispenser()).param("customer", f.customer())
                .param("from", Timestamp.from(f.from() == null ? Instant.EPOCH : f.from()))
                .param("to", Timestamp.from(f.to() == null ? Instant.parse("9999-01-01T00:00:00Z") : f.to()))
                .param("flagged", f.flagged()).param("offset", page.offset()).param("limit", page.limit())
                .query((rs, n) -> new Transaction(rs.getLong("id"), Rows.instant(rs, "dispensed_at"),
                        Rows.instant(rs, "ended_at"), Rows.instant(rs, "recorded_at"), Rows.uuid(rs, "dispenser_id"),
                        rs.getString("dispenser_name"), rs.getLong("device_seq"), Rows.uuid(rs, "customer_id"),
                        rs.getString("customer_name"), rs.getString("customer_ref"), rs.getBigDecimal("litres"), rs.getBigDecimal("amount"),
                        rs.getBigDecimal("debit"), rs.getString("flag")))
                .list()));
    }
}
