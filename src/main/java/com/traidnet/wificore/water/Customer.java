package com.traidnet.wificore.water;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** A prepaid water customer: identified by a card/tag id and/or a phone; balance in the tenant's unit. */
record Customer(UUID id, String name, String cardId, String phone, String status, BigDecimal balance,
                String balanceUnit, BigDecimal creditLimit, Instant lastDispenseAt, Instant createdAt,
                Instant updatedAt) {

    static final String SELECT = """
            select c.id, c.name, c.card_id, c.phone, c.status, c.balance, c.credit_limit, c.last_dispense_at,
                   c.created_at, c.updated_at, w.balance_unit
            from water_customers c cross join water_settings w""";

    static Customer map(ResultSet rs, int row) throws SQLException {
        return new Customer(Rows.uuid(rs, "id"), rs.getString("name"), rs.getString("card_id"), rs.getString("phone"),
                rs.getString("status"), rs.getBigDecimal("balance"), rs.getString("balance_unit"),
                rs.getBigDecimal("credit_limit"), Rows.instant(rs, "last_dispense_at"), Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"));
    }
}
