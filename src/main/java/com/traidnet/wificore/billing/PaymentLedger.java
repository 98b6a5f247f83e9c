package com.traidnet.wificore.billing;

import com.traidnet.wificore.platform.Page;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The tenant's {@code payments} and their append-only {@code payment_events}. Methods taking a
 * {@link JdbcClient} run inside the caller's tenant transaction.
 */
@Component
class PaymentLedger {

    static final RowMapper<PaymentView> PAYMENT = PaymentLedger::payment;
    private static final RowMapper<PaymentView.PaymentEventView> EVENT = (rs, n) -> new PaymentView.PaymentEventView(
            rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("kind"), rs.getString("status"),
            rs.getString("source"), rs.getString("detail"),
            rs.getString("payload") == null ? null : DarajaClient.JSON.readTree(rs.getString("payload")));

    private final TenantGateway gateway;
    private final java.time.Clock clock;

    PaymentLedger(TenantGateway gateway, java.time.Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    /** A new payment row; the caller records its first event. */
    record NewPayment(UUID id, String method, String purpose, String reference, String phone, String mac,
                      java.math.BigDecimal amount, String currency, String receipt, UUID recordedBy, Instant at) {
    }

    void insert(JdbcClient sql, NewPayment p) {
        sql.sql("""
                        insert into payments (id, method, purpose, reference, phone, mac, amount, currency, status,
                                              receipt, recorded_by, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)""")
                .params(p.id(), p.method(), p.purpose(), p.reference(), p.phone(), p.mac(), p.amount(), p.currency(),
                        p.receipt(), p.recordedBy(), Timestamp.from(p.at()), Timestamp.from(p.at()))
                .update();
    }

    Optional<PaymentView> lock(JdbcClient sql, UUID id) {
        return sql.sql("select * from payments where id = ? for update").param(id).query(PAYMENT).optional();
    }

    /** A locked payment, and whether {@code receipt} is already on another payment (false when null). */
    record Locked(PaymentView payment, boolean receiptTaken) {
    }

    /** {@link #lock} and the receipt check in one round trip: the settlement's first statement. */
    Optional<Locked> lock(JdbcClient sql, UUID id, String receipt) {
        return sql.sql("""
                        select p.*, (cast(? as text) is not null and exists (
                                   select 1 from payments o where o.receipt = ? and o.id <> p.id)) as receipt_taken
                        from payments p where p.id = ? for update of p""")
                .params(receipt, receipt, id)
                .query((rs, n) -> new Locked(payment(rs, n), rs.getBoolean("receipt_taken"))).optional();
    }

    /** New values for a payment's row. */
    record Change(String status, java.math.BigDecimal paidAmount, String receipt, String resultCode, String resultDesc,
                  Instant settledAt) {
    }

    /** What the ledger says about a change; its status is the payment's new one. */
    record Event(String kind, String source, String detail, String payloadJson) {
    }

    /**
     * Updates the payment and appends its events, in this order, in one statement (one round trip on
     * the settlement's path). Every event gets the payment's new status.
     */
    PaymentView change(JdbcClient sql, UUID id, Change c, Event first, Event... more) {
        List<Event> events = new java.util.ArrayList<>(1 + more.length);
        events.add(first);
        events.addAll(List.of(more));
        return sql.sql("""
                        with changed as (
                            update payments set status = ?, paid_amount = ?, receipt = ?, result_code = ?,
                                   result_desc = ?, settled_at = ?, updated_at = ?
                            where id = ? returning *),
                        recorded as (
                            insert into payment_events (payment_id, kind, status, source, detail, payload)
                            select c.id, e.kind, c.status, e.source, e.detail, cast(e.payload as jsonb)
                            from changed c, unnest(?::text[], ?::text[], ?::text[], ?::text[]) with ordinality
                                 as e(kind, source, detail, payload, n)
                            order by e.n)
                        select * from changed""")
                .params(c.status(), c.paidAmount(), c.receipt(), c.resultCode(), c.resultDesc(),
                        c.settledAt() == null ? null : Timestamp.from(c.settledAt()), Timestamp.from(clock.instant()), id,
                        column(events, Event::kind), column(events, Event::source), column(events, Event::detail),
                        column(events, Event::payloadJson))
                .query(PAYMENT).single();
    }

    private static String[] column(List<Event> events, java.util.function.Function<Event, String> field) {
        String[] values = new String[events.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = field.apply(events.get(i));
        }
        return values;
    }

    void event(JdbcClient sql, UUID paymentId, String kind, String status, String source, String detail,
               String payloadJson) {
        sql.sql("""
                        insert into payment_events (payment_id, kind, status, source, detail, payload)
                        values (?, ?, ?, ?, ?, cast(? as jsonb))""")
                .params(paymentId, kind, status, source, detail, payloadJson).update();
    }

    /**
     * A page of payments, newest first, optionally of one status and of one payer or purchase: {@code q} is matched
     * whole against the phone (as a Kenyan number in any usual form), the receipt and the reference in any case
     * (V21's and V23's indexes;
     * the three are unions of index scans, not a scan of the table).
     */
    Page<PaymentView> list(TenantId tenant, String status, String q, Page.Request page) {
        String text = q == null || q.isBlank() ? null : q.strip();
        String phone = text == null ? null : Payments.msisdnOrNull(text);
        // two statements, not one with "q is null or …": a generic plan of that could use no index for q
        String sqlText = text == null ? """
                select * from payments where (cast(:status as text) is null or status = :status)
                order by created_at desc, id desc offset :offset limit :limit""" : """
                select * from payments where (phone = :phone or receipt = upper(:q) or lower(reference) = lower(:q))
                  and (cast(:status as text) is null or status = :status)
                order by created_at desc, id desc offset :offset limit :limit""";
        return page.of(gateway.inTenant(tenant, sql -> sql.sql(sqlText)
                .param("status", status).param("q", text).param("phone", phone)
                .param("offset", page.offset()).param("limit", page.limit())
                .query(PAYMENT).list()));
    }

    Optional<PaymentView> find(TenantId tenant, UUID id) {
        return gateway.inTenant(tenant, sql -> sql.sql("select * from payments where id = ?").param(id)
                .query(PAYMENT).optional()
                .map(p -> p.withEvents(events(sql, id))));
    }

    List<PaymentView.PaymentEventView> events(JdbcClient sql, UUID paymentId) {
        return sql.sql("select * from payment_events where payment_id = ? order by id").param(paymentId)
                .query(EVENT).list();
    }

    private static PaymentView payment(ResultSet rs, int n) throws SQLException {
        return new PaymentView(rs.getObject("id", UUID.class), rs.getString("method"), rs.getString("purpose"),
                rs.getString("reference"), rs.getString("phone"), rs.getString("mac"), rs.getBigDecimal("amount"),
                rs.getString("currency"), rs.getString("status"), rs.getString("checkout_request_id"),
                rs.getString("merchant_request_id"), rs.getString("receipt"), rs.getBigDecimal("paid_amount"),
                rs.getString("result_code"), rs.getString("result_desc"), instant(rs, "created_at"),
                instant(rs, "updated_at"), instant(rs, "settled_at"), null, null);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
