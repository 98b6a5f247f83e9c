package com.traidnet.wificore.hotspot;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** SQL for the subscribers table, inside the caller's tenant transaction. */
final class SubscriberStore {

    private static final String WRITABLE = """
            kind, username, phone, account_number, mac_address, status, package_id, expires_at, static_ip, ip_pool,
            next_due_at, grace_days, terms_package_name, terms_price, terms_currency, terms_duration_value,
            terms_duration_unit, terms_rate_limit, terms_devices, terms_data_cap_bytes, terms_octets_base""";
    private static final String VALUES = "?, ?, ?, ?, ?, ?, ?, ?, ?::inet, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";

    private SubscriberStore() {
    }

    static Optional<Subscriber> find(JdbcClient sql, UUID id) {
        return sql.sql("select " + Subscriber.COLUMNS + " from subscribers where id = ?").param(id)
                .query(Subscriber::map).optional();
    }

    /** With a row lock, for a read-modify-write. */
    static Optional<Subscriber> lockByUsername(JdbcClient sql, String username) {
        return sql.sql("select " + Subscriber.COLUMNS + " from subscribers where username = ? for update")
                .param(username).query(Subscriber::map).optional();
    }

    /**
     * The account as written, else the only one that matches in another case (customers type paybill account
     * numbers as they remember them); empty when none does, or when several do (then nobody can tell which).
     */
    static Optional<Subscriber> lockByAccount(JdbcClient sql, String accountNumber) {
        Optional<Subscriber> exact = sql.sql("select " + Subscriber.COLUMNS
                        + " from subscribers where account_number = ? for update")
                .param(accountNumber).query(Subscriber::map).optional();
        if (exact.isPresent()) {
            return exact;
        }
        var anyCase = sql.sql("select " + Subscriber.COLUMNS
                        + " from subscribers where lower(account_number) = lower(?) order by id limit 2 for update")
                .param(accountNumber).query(Subscriber::map).list();
        return anyCase.size() == 1 ? Optional.of(anyCase.getFirst()) : Optional.empty();
    }

    static Optional<Subscriber> lock(JdbcClient sql, UUID id) {
        return sql.sql("select " + Subscriber.COLUMNS + " from subscribers where id = ? for update")
                .param(id).query(Subscriber::map).optional();
    }

    /** A subscriber_history row to write with the change (see {@link SubscriberWrites#history}). */
    record HistoryEntry(String actor, String action, String detailJson) {
    }

    /** Inserts the row and its history entry in one statement (one round trip on the settlement's path). */
    static Subscriber insert(JdbcClient sql, Subscriber s, HistoryEntry h) {
        return withHistory(sql, "insert into subscribers (" + WRITABLE + ") values (" + VALUES + ") returning "
                + Subscriber.COLUMNS, values(s), h);
    }

    /** Updates the row and writes its history entry in one statement. */
    static Subscriber update(JdbcClient sql, Subscriber s, HistoryEntry h) {
        Object[] values = values(s);
        Object[] params = java.util.Arrays.copyOf(values, values.length + 1);
        params[values.length] = s.id();
        return withHistory(sql, "update subscribers set (" + WRITABLE + ", updated_at) = (" + VALUES + ", now())"
                + " where id = ? returning " + Subscriber.COLUMNS, params, h);
    }

    private static Subscriber withHistory(JdbcClient sql, String write, Object[] writeParams, HistoryEntry h) {
        Object[] params = java.util.Arrays.copyOf(writeParams, writeParams.length + 3);
        params[writeParams.length] = h.actor();
        params[writeParams.length + 1] = h.action();
        params[writeParams.length + 2] = h.detailJson();
        return sql.sql("with stored as (" + write + "), logged as ("
                        + "insert into subscriber_history (subscriber_id, actor, action, detail)"
                        + " select id, ?, ?, ?::jsonb from stored) select * from stored")
                .params(params).query(Subscriber::map).single();
    }

    /** Octets in + out over all of radacct for {@code username}: what the authorizer counts a data cap against. */
    static long octetsUsed(JdbcClient sql, String username) {
        return sql.sql("select " + OCTETS_USED).param(username).query(Long.class).single();
    }

    /** A scalar subquery over radacct with one parameter, the username. */
    static final String OCTETS_USED = "(select coalesce(sum(coalesce(acctinputoctets, 0) + coalesce(acctoutputoctets, 0)),"
            + " 0) from radacct where username = ?)";

    private static Object[] values(Subscriber s) {
        Terms t = s.terms();
        return new Object[]{s.kind(), s.username(), s.phone(), s.accountNumber(), s.macAddress(), s.status(),
                s.packageId(), ts(s.expiresAt()), s.staticIp(), s.ipPool(), ts(s.nextDueAt()), s.graceDays(),
                t == null ? null : t.packageName(), t == null ? null : t.price(), t == null ? null : t.currency(),
                t == null ? null : t.durationValue(), t == null ? null : t.durationUnit(),
                t == null ? null : t.rateLimit(), t == null ? null : t.devices(), t == null ? null : t.dataCapBytes(),
                t == null ? 0L : t.octetsBase()};
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
