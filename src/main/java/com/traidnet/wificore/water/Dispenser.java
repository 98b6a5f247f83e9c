package com.traidnet.wificore.water;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A dispenser as staff see it. {@code status} is derived when read: {@code disabled} by staff,
 * {@code never_seen} before its first signed request, {@code offline} after
 * {@code wificore.water.offline-after} of silence, else {@code online}.
 */
record Dispenser(UUID id, String deviceId, String name, String location, BigDecimal tankCapacityLitres,
                 BigDecimal tankLevelLitres, BigDecimal tankLowLitres, BigDecimal pricePerLitre, String currency,
                 int pulsesPerLitre, String status, Instant lastSeenAt, List<String> faultCodes,
                 long refusedRequests, Instant createdAt, Instant updatedAt) {

    static final String COLUMNS = """
            id, device_id, name, location, tank_capacity_litres, tank_level_litres, tank_low_litres, price_per_litre,
            currency, pulses_per_litre, enabled, last_seen_at, fault_codes, refused_requests, created_at, updated_at""";

    /** Maps a row; {@code now} and {@code offlineAfter} decide online/offline. */
    static Dispenser map(ResultSet rs, Instant now, Duration offlineAfter) throws SQLException {
        Instant seen = Rows.instant(rs, "last_seen_at");
        String status = !rs.getBoolean("enabled") ? "disabled" : seen == null ? "never_seen"
                : seen.isBefore(now.minus(offlineAfter)) ? "offline" : "online";
        return new Dispenser(Rows.uuid(rs, "id"), rs.getString("device_id"), rs.getString("name"),
                rs.getString("location"), rs.getBigDecimal("tank_capacity_litres"),
                rs.getBigDecimal("tank_level_litres"), rs.getBigDecimal("tank_low_litres"),
                rs.getBigDecimal("price_per_litre"), rs.getString("currency"), rs.getInt("pulses_per_litre"), status,
                seen, codes(rs.getArray("fault_codes")), rs.getLong("refused_requests"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
    }

    private static List<String> codes(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
