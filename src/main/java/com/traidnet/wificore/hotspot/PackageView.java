package com.traidnet.wificore.hotspot;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A package as stored and as the API shows it.
 *
 * @param burst      null for no burst
 * @param visibility {@code public} (listed on the captive portal) or {@code hidden}
 * @param nasIds     the NAS it is sold on; empty = all
 * @param rateLimit  the derived {@code Mikrotik-Rate-Limit} value
 */
record PackageView(UUID id, String type, String name, BigDecimal price, String currency, int durationValue,
                   String durationUnit, int uploadKbps, int downloadKbps, RateLimit.Burst burst, Long dataCapBytes,
                   int devices, String visibility, List<UUID> nasIds, String rateLimit, Instant archivedAt,
                   Instant createdAt, Instant updatedAt) {

    static final String COLUMNS = """
            id, type, name, price, currency, duration_value, duration_unit, upload_kbps, download_kbps,
            burst_upload_kbps, burst_download_kbps, burst_threshold_upload_kbps, burst_threshold_download_kbps,
            burst_time_seconds, data_cap_bytes, devices, public, nas_ids, archived_at, created_at, updated_at""";

    Validity validity() {
        return new Validity(durationValue, Validity.Unit.of(durationUnit));
    }

    boolean archived() {
        return archivedAt != null;
    }

    static PackageView map(ResultSet rs, int row) throws SQLException {
        int burstUp = rs.getInt("burst_upload_kbps");
        RateLimit.Burst burst = rs.wasNull() ? null : new RateLimit.Burst(burstUp, rs.getInt("burst_download_kbps"),
                rs.getInt("burst_threshold_upload_kbps"), rs.getInt("burst_threshold_download_kbps"),
                rs.getInt("burst_time_seconds"));
        long cap = rs.getLong("data_cap_bytes");
        Long dataCap = rs.wasNull() ? null : cap;
        int up = rs.getInt("upload_kbps");
        int down = rs.getInt("download_kbps");
        UUID[] nas = (UUID[]) rs.getArray("nas_ids").getArray();
        return new PackageView(rs.getObject("id", UUID.class), rs.getString("type"), rs.getString("name"),
                rs.getBigDecimal("price"), rs.getString("currency"), rs.getInt("duration_value"),
                rs.getString("duration_unit"), up, down, burst, dataCap, rs.getInt("devices"),
                rs.getBoolean("public") ? "public" : "hidden", Arrays.asList(nas),
                new RateLimit(up, down, burst).mikrotik(), instant(rs, "archived_at"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        var ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
