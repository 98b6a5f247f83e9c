package com.traidnet.wificore.water;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.platform.Page;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Water tokens: numeric codes (typed on a kiosk keypad) worth litres or money, generated in
 * batches like vouchers, unique per tenant. Redemption credits a customer and is race-safe like
 * voucher redemption: the claim is one {@code UPDATE … WHERE redeemed_at IS NULL}, so of two
 * concurrent redeemers the second finds the condition false once the first commits.
 */
@Service
class Tokens {

    static final int MAX_COUNT = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Exactly one of {@code litres} and {@code amount}: it must be the tenant's balance unit. */
    record NewBatch(@Size(max = 100) String name, @NotNull @Min(1) @Max(MAX_COUNT) Integer count,
                    @DecimalMin("0.001") @DecimalMax("100000") @Digits(integer = 6, fraction = 3) BigDecimal litres,
                    @DecimalMin("0.01") @DecimalMax("1000000") @Digits(integer = 7, fraction = 2) BigDecimal amount,
                    @Min(8) @Max(20) Integer codeLength, Instant expiresAt) {
    }

    record Batch(UUID id, String name, String valueUnit, BigDecimal value, int codeLength, int count, long redeemed,
                 Instant expiresAt, String status, String createdBy, Instant createdAt) {
        static final String SELECT = """
                select b.*, (select count(*) from water_tokens t where t.batch_id = b.id and t.redeemed_at is not null)
                       as redeemed
                from water_token_batches b""";

        static Batch map(ResultSet rs, int n) throws SQLException {
            return new Batch(Rows.uuid(rs, "id"), rs.getString("name"), rs.getString("value_unit"),
                    rs.getBigDecimal("value"), rs.getInt("code_length"), rs.getInt("count"), rs.getLong("redeemed"),
                    Rows.instant(rs, "expires_at"), rs.getString("status"), rs.getString("created_by"),
                    Rows.instant(rs, "created_at"));
        }
    }

    record Code(String code, Instant redeemedAt, UUID customerId, UUID dispenserId) {
    }

    record Redeemed(String code, UUID customerId, BigDecimal credited, String unit, BigDecimal balance) {
    }

    private final TenantGateway gateway;
    private final Clock clock;

    Tokens(TenantGateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    Batch generate(TenantId tenant, Actor actor, NewBatch body) {
        if ((body.litres() == null) == (body.amount() == null)) {
            throw ApiProblem.invalidField("litres", "give the tokens' worth as litres or as amount (one of them)");
        }
        int length = body.codeLength() == null ? 12 : body.codeLength();
        return gateway.inTenant(tenant, sql -> {
            String unit = sql.sql("select balance_unit from water_settings").query(String.class).single();
            String given = body.litres() != null ? "litres" : "money";
            if (!unit.equals(given)) {
                throw ApiProblem.invalidField(given.equals("litres") ? "litres" : "amount", "balances are kept in "
                        + unit + ": give the tokens' worth as " + (unit.equals("litres") ? "litres" : "amount"));
            }
            UUID id = sql.sql("""
                            insert into water_token_batches (name, value_unit, value, code_length, count, expires_at, created_by)
                            values (?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(body.name(), unit, body.litres() != null ? body.litres() : body.amount(), length, body.count(),
                            Rows.ts(body.expiresAt()), actor.label()).query(UUID.class).single();
            insertCodes(sql, id, length, body.count());
            actor.audit(sql, "water.tokens.generated", body.count() + " tokens, batch " + id);
            return require(sql, id);
        });
    }

    /** Fresh codes; one colliding with an existing code is skipped by ON CONFLICT and drawn again. */
    private static void insertCodes(JdbcClient sql, UUID batch, int length, int count) {
        int missing = count;
        for (int round = 0; missing > 0; round++) {
            if (round == 20) {
                throw ApiProblem.conflict("could not find " + missing + " unused codes; use a longer code length");
            }
            Set<String> drawn = new HashSet<>();
            while (drawn.size() < missing) {
                drawn.add(code(length));
            }
            missing -= sql.sql("""
                            insert into water_tokens (batch_id, code) select ?, c from unnest(?::text[]) as c
                            on conflict (code) do nothing""")
                    .params(batch, drawn.toArray(String[]::new)).update();
        }
    }

    private static String code(int length) {
        char[] digits = new char[length];
        digits[0] = (char) ('1' + RANDOM.nextInt(9)); // no leading zero: keypads and spreadsheets drop it
        for (int i = 1; i < length; i++) {
            digits[i] = (char) ('0' + RANDOM.nextInt(10));
        }
        return new String(digits);
    }

    Page<Batch> list(TenantId tenant, Page.Request page) {
        return page.of(gateway.inTenant(tenant, sql -> sql.sql(Batch.SELECT
                        + " order by b.created_at desc, b.id offset ? limit ?")
                .params(page.offset(), page.limit()).query(Batch::map).list()));
    }

    Batch find(TenantId tenant, UUID id) {
        return gateway.inTenant(tenant, sql -> require(sql, id));
    }

    /** A page of a batch's codes in generation order (a batch holds up to {@value #MAX_COUNT}). */
    Page<Code> codes(TenantId tenant, UUID id, Page.Request page) {
        return page.of(gateway.inTenant(tenant, sql -> {
            require(sql, id);
            return sql.sql("""
                            select code, redeemed_at, customer_id, dispenser_id from water_tokens where batch_id = ?
                            order by id offset ? limit ?""")
                    .params(id, page.offset(), page.limit())
                    .query((rs, n) -> new Code(rs.getString(1), Rows.instant(rs, "redeemed_at"),
                            Rows.uuid(rs, "customer_id"), Rows.uuid(rs, "dispenser_id"))).list();
        }));
    }

    /** Every code of a batch, for its CSV. */
    List<Code> codes(TenantId tenant, UUID id) {
        return gateway.inTenant(tenant, sql -> {
            require(sql, id);
            return sql.sql("select code, redeemed_at, customer_id, dispenser_id from water_tokens where batch_id = ? order by id")
                    .param(id).query((rs, n) -> new Code(rs.getString(1), Rows.instant(rs, "redeemed_at"),
                            Rows.uuid(rs, "customer_id"), Rows.uuid(rs, "dispenser_id"))).list();
        });
    }

    Batch setStatus(TenantId tenant, Actor actor, UUID id, String status) {
        return gateway.inTenant(tenant, sql -> {
            require(sql, id);
            sql.sql("update water_token_batches set status = ? where id = ?").params(status, id).update();
            actor.audit(sql, "water.tokens." + status, id.toString());
            return require(sql, id);
        });
    }

    /** Redeems {@code typed} for the customer, in the caller's tenant transaction. */
    Redeemed redeem(JdbcClient sql, String typed, UUID customer, UUID dispenser, String by) {
        String code = typed == null ? "" : typed.replaceAll("[\\s-]", "");
        if (!code.matches("\\d{8,20}")) {
            throw ApiProblem.invalidField("code", "a water token is 8 to 20 digits");
        }
        Customers.lock(sql, customer);
        Instant now = clock.instant();
        record Claim(long id, String unit, BigDecimal value) {
        }
        Claim claim = sql.sql("""
                        update water_tokens t set redeemed_at = ?, customer_id = ?, dispenser_id = ?
                        from water_token_batches b
                        where t.code = ? and b.id = t.batch_id and t.redeemed_at is null and b.status = 'enabled'
                          and (b.expires_at is null or b.expires_at > ?)
                        returning t.id, b.value_unit, b.value""")
                .params(Timestamp.from(now), customer, dispenser, code, Timestamp.from(now))
                .query((rs, n) -> new Claim(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3))).optional()
                .orElseThrow(() -> whyNot(sql, code));
        String unit = sql.sql("select balance_unit from water_settings").query(String.class).single();
        if (!unit.equals(claim.unit())) {
            throw ApiProblem.conflict("token " + code + " is worth " + claim.unit() + " but balances are kept in " + unit);
        }
        BigDecimal balance = Credits.apply(sql, new Credits.Credit(customer, "token", claim.value(), null, code, null,
                claim.id(), by), now);
        return new Redeemed(code, customer, claim.value(), unit, balance);
    }

    /** Why the claim found nothing: unknown (also another tenant's) 404, redeemed or disabled 409, expired 410. */
    private static ApiProblem whyNot(JdbcClient sql, String code) {
        record State(Instant redeemedAt, String status, Instant expiresAt) {
        }
        return sql.sql("""
                        select t.redeemed_at, b.status, b.expires_at from water_tokens t
                        join water_token_batches b on b.id = t.batch_id where t.code = ?""")
                .param(code).query((rs, n) -> new State(Rows.instant(rs, "redeemed_at"), rs.getString(2),
                        Rows.instant(rs, "expires_at"))).optional()
                .map(s -> s.redeemedAt() != null ? ApiProblem.conflict("token " + code + " was already redeemed")
                        : "disabled".equals(s.status()) ? ApiProblem.conflict("token " + code + " is disabled")
                        : new ApiProblem(HttpStatus.GONE, "token " + code + " expired at " + s.expiresAt()))
                .orElseGet(() -> ApiProblem.notFound("token " + code));
    }

    private static Batch require(JdbcClient sql, UUID id) {
        return sql.sql(Batch.SELECT + " where b.id = ?").param(id).query(Batch::map).optional()
                .orElseThrow(() -> ApiProblem.notFound("token batch " + id));
    }
}
