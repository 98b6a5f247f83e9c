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

    PaymentLedger(TenantGateway gateway) {
        this.gateway = gateway;
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

    void event(JdbcClient sql, UUID paymentId, String kind, String status, String source, String detail,
               String payloadJson) {
        sql.sql("""
                        insert into payment_events (payment_id, kind, status, source, detail, payload)
                        values (?, ?, ?, ?, ?, cast(? as jsonb))""")
                .params(paymentId, kind, status, source, detail, payloadJson).update();
    }

    Page<PaymentView> list(TenantId tenant, String status, Page.Request page) {
        return page.of(gateway.inTenant(tenant, sql -> sql.sql("""
                        select * from payments where (cast(:status as text) is null or status = :status)
                        order by created_at desc, id desc offset :offset limit :limit""")
                .param("status", status).param("offset", page.offset()).param("limit", page.limit())
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
                instant(rs, "updated_at"), instant(rs, "settled_at"), null);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
