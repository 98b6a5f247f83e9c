package com.traidnet.wificore.water;

import com.traidnet.wificore.platform.ApiProblem;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Credits a customer in the caller's tenant transaction: one {@code water_credits} row and the
 * same value added to the cached balance, so the balance stays the sum of the statement.
 */
final class Credits {

    private Credits() {
    }

    /** A credit to write; {@code amount} is the money behind it (null for tokens). */
    record Credit(UUID customerId, String kind, BigDecimal value, BigDecimal amount, String reference,
                  UUID paymentId, Long tokenId, String recordedBy) {
    }

    /** Answers the balance after the credit. */
    static BigDecimal apply(JdbcClient sql, Credit c, Instant at) {
        sql.sql("""
                        insert into water_credits (customer_id, at, kind, value, amount, reference, payment_id, token_id,
                            recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.customerId(), Timestamp.from(at), c.kind(), c.value(), c.amount(), c.reference(),
                        c.paymentId(), c.tokenId(), c.recordedBy()).update();
        return sql.sql("update water_customers set balance = balance + ?, updated_at = ? where id = ? returning balance")
                .params(c.value(), Timestamp.from(at), c.customerId()).query(BigDecimal.class).single();
    }

    /**
     * What {@code money} buys in the tenant's balance unit: itself for money balances; litres at the
     * tenant's top-up price (rounded down to the millilitre) for litre balances.
     */
    static BigDecimal valueOfMoney(JdbcClient sql, BigDecimal money) {
        record Unit(String unit, BigDecimal price) {
        }
        Unit u = sql.sql("select balance_unit, topup_price_per_litre from water_settings")
                .query((rs, n) -> new Unit(rs.getString(1), rs.getBigDecimal(2))).single();
        if ("money".equals(u.unit())) {
            return money;
        }
        if (u.price() == null) {
            throw ApiProblem.conflict("balances are kept in litres but no top-up price per litre is set"
                    + " (PUT /api/water/settings topupPricePerLitre)");
        }
        return money.divide(u.price(), 3, RoundingMode.DOWN);
    }
}
