package com.traidnet.wificore.water;

import com.traidnet.wificore.platform.Page;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer's statement: every credit and every dispense booked to them (flagged ones too, with
 * a change of 0), newest first, each with the balance after it. Entries are in booking order —
 * when the credit was recorded or the dispense uploaded — because that is the order balances were
 * checked in; a dispense also says when the water flowed. The running balance is a window sum, so
 * the last entry's balance is the customer's balance by construction.
 */
@Service
class Statement {

    /**
     * @param kind   {@code cash}, {@code mpesa}, {@code token}, {@code adjustment} or {@code dispense}
     * @param change signed, in the tenant's balance unit
     */
    record Entry(String kind, Instant at, BigDecimal change, BigDecimal balanceAfter, String reference,
                 BigDecimal amount, BigDecimal litres, UUID dispenserId, Long deviceSeq, Instant dispensedAt,
                 String flag, String recordedBy) {
    }

    private final TenantGateway gateway;

    Statement(TenantGateway gateway) {
        this.gateway = gateway;
    }

    Page<Entry> of(TenantId tenant, UUID customer, Page.Request page) {
        return page.of(gateway.inTenant(tenant, sql -> {
            Customers.require(sql, customer);
            return sql.sql("""
                            with entries as (
                                select kind, at, value as change, reference, amount, null::numeric as litres,
                                       null::uuid as dispenser_id, null::bigint as device_seq,
                                       null::timestamptz as dispensed_at, null as flag, recorded_by, 0 as source, id
                                from water_credits where customer_id = :c
                                union all
                                select 'dispense', recorded_at, -debit, null, amount, litres, dispenser_id, device_seq,
                                       dispensed_at, flag, null, 1, id
                                from water_transactions where customer_id = :c)
                            select *, sum(change) over (order by at, source, id) as balance_after from entries
                            order by at desc, source desc, id desc offset :offset limit :limit""")
                    .param("c", customer).param("offset", page.offset()).param("limit", page.limit())
                    .query((rs, n) -> new Entry(rs.getString("kind"), Rows.instant(rs, "at"), rs.getBigDecimal("change"),
                            rs.getBigDecimal("balance_after"), rs.getString("reference"), rs.getBigDecimal("amount"),
                            rs.getBigDecimal("litres"), Rows.uuid(rs, "dispenser_id"),
                            (Long) rs.getObject("device_seq"), Rows.instant(rs, "dispensed_at"), rs.getString("flag"),
                            rs.getString("recorded_by")))
                    .list();
        }));
    }
}
