package com.traidnet.wificore.hotspot;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * A subscriber as stored: the source of truth its RADIUS rows are derived from.
 *
 * @param kind      {@code hotspot} (username = phone) or {@code pppoe} (account number, own username)
 * @param status    {@code active}, {@code blocked} or {@code disabled} (staff), {@code expired} or
 *                  {@code over_quota} (the enforcement sweep; lifted by the next purchase)
 * @param expiresAt null = no expiry; for PPPoE the next due date plus the grace days
 * @param terms     null until a package was bought or assigned
 */
record Subscriber(UUID id, String kind, String username, String phone, String accountNumber, String macAddress,
                  String status, UUID packageId, Instant expiresAt, String staticIp, String ipPool,
                  Instant nextDueAt, int graceDays, Terms terms, Instant createdAt, Instant updatedAt) {

    static final String COLUMNS = """
            id, kind, username, phone, account_number, mac_address, status, package_id, expires_at,
            host(static_ip) as static_ip, ip_pool, next_due_at, grace_days, terms_package_name, terms_price,
            terms_currency, terms_duration_value, terms_duration_unit, terms_rate_limit, terms_devices,
            terms_data_cap_bytes, terms_octets_base, created_at, updated_at""";

    boolean pppoe() {
        return "pppoe".equals(kind);
    }

    boolean active() {
        return "active".equals(status);
    }

    Subscriber withStatus(String newStatus) {
        return new Subscriber(id, kind, username, phone, accountNumber, macAddress, newStatus, packageId, expiresAt,
                staticIp, ipPool, nextDueAt, graceDays, terms, createdAt, updatedAt);
    }

    /** A purchase: new terms, new expiry (for PPPoE: next due date, and expiry after the grace days). */
    Subscriber renewed(UUID newPackageId, Terms newTerms, Instant newExpiry, Instant newDue) {
        return new Subscriber(id, kind, username, phone, accountNumber, macAddress, status, newPackageId, newExpiry,
                staticIp, ipPool, newDue, graceDays, newTerms, createdAt, updatedAt);
    }

    static Subscriber map(ResultSet rs, int row) throws SQLException {
        Terms terms = null;
        if (rs.getString("terms_package_name") != null) {
            long cap = rs.getLong("terms_data_cap_bytes");
            Long dataCap = rs.wasNull() ? null : cap;
            BigDecimal price = rs.getBigDecimal("terms_price");
            terms = new Terms(rs.getString("terms_package_name"), price, rs.getString("terms_currency"),
                    rs.getInt("terms_duration_value"), rs.getString("terms_duration_unit"),
                    rs.getString("terms_rate_limit"), rs.getInt("terms_devices"), dataCap,
                    rs.getLong("terms_octets_base"));
        }
        return new Subscriber(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("username"),
                rs.getString("phone"), rs.getString("account_number"), rs.getString("mac_address"),
                rs.getString("status"), rs.getObject("package_id", UUID.class), PackageView.instant(rs, "expires_at"),
                rs.getString("static_ip"), rs.getString("ip_pool"), PackageView.instant(rs, "next_due_at"),
                rs.getInt("grace_days"), terms, PackageView.instant(rs, "created_at"),
                PackageView.instant(rs, "updated_at"));
    }
}
