package com.traidnet.wificore.hotspot;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.platform.Page;
import com.traidnet.wificore.platform.SqlText;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Voucher batches: generation (codes unique per tenant), listing, enable/disable, deletion. */
@Service
class Vouchers {

    static final int MAX_COUNT = 10_000;

    /** @param prefix up to 8 characters of the voucher alphabet; codeLength counts the random part only */
    record NewBatch(@NotNull UUID packageId, @NotNull @Min(1) @Max(MAX_COUNT) Integer count,
                    @Pattern(regexp = "[" + Codes.VOUCHER_ALPHABET + Codes.VOUCHER_ALPHABET_LOWER + "]{0,8}",
                            message = "up to 8 letters and digits from the voucher alphabet (no 0, O, 1, I or L)")
                    String prefix,
                    @Min(6) @Max(16) Integer codeLength, Instant expiresAt) {
    }

    record Code(String code, Instant redeemedAt, String redeemedPhone) {
    }

    private final TenantGateway gateway;

    Vouchers(TenantGateway gateway) {
        this.gateway = gateway;
    }

    VoucherBatch generate(TenantId tenant, Actor actor, NewBatch body) {
        // codes are typed in any case and compared upper-case, so the prefix is stored that way
        String prefix = body.prefix() == null ? "" : body.prefix().toUpperCase(java.util.Locale.ROOT);
        int length = body.codeLength() == null ? 8 : body.codeLength();
        if (body.expiresAt() != null && !body.expiresAt().isAfter(Instant.now())) {
            throw ApiProblem.invalidField("expiresAt", "is in the past: every code would be refused");
        }
        return gateway.inTenant(tenant, sql -> {
            // vouchers are redeemed on the captive portal, which sells hotspot access
            PackageView pkg = Subscribers.usablePackage(sql, body.packageId(), "hotspot");
            UUID id = sql.sql("""
                            insert into voucher_batches (package_id, prefix, code_length, count, expires_at, created_by)
                            values (?, ?, ?, ?, ?, ?) returning id""")
                    .params(pkg.id(), prefix, length, body.count(), SubscriberStore.ts(body.expiresAt()), actor.label())
                    .query(UUID.class).single();
            insertCodes(sql, id, prefix, length, body.count());
            actor.audit(sql, "vouchers.generated", body.count() + " x " + pkg.name());
            return require(sql, id);
        });
    }

    /**
     * Inserts {@code count} fresh codes. A code that collides with one already in the tenant (or
     * drawn twice) is skipped by ON CONFLICT and drawn again, until all are in; with 31^6 codes or
     * more, a few rounds suffice, and a bound stops a prefix whose space is exhausted.
     */
    private static void insertCodes(JdbcClient sql, UUID batch, String prefix, int length, int count) {
        int missing = count;
        for (int round = 0; missing > 0; round++) {
            if (round == 20) {
                throw ApiProblem.conflict("could not find " + missing + " unused codes; use a longer code length");
            }
            Set<String> drawn = new HashSet<>();
            while (drawn.size() < missing) {
                drawn.add(Codes.voucher(prefix, length));
            }
            int inserted = sql.sql("""
                            insert into vouchers (batch_id, code) select ?, c from unnest(?::text[]) as c
                            on conflict (code) do nothing""")
                    .params(batch, drawn.toArray(String[]::new)).update();
            missing -= inserted;
        }
    }

    Page<VoucherBatch> list(TenantId tenant, Page.Request page) {
        return page.of(gateway.inTenant(tenant, sql -> sql.sql(VoucherBatch.SELECT
                        + " order by b.created_at desc, b.id offset ? limit ?")
                .params(page.offset(), page.limit()).query(VoucherBatch::map).list()));
    }

    VoucherBatch find(TenantId tenant, UUID id) {
        return gateway.inTenant(tenant, sql -> require(sql, id));
    }

    /**
     * A page of a batch's codes in generation order, optionally only those whose code or redeeming phone contains
     * {@code q} (case-insensitive; a batch holds at most {@value #MAX_COUNT} codes, read through its batch index).
     */
    Page<Code> codes(TenantId tenant, UUID id, String q, Page.Request page) {
        String needle = SqlText.containsPattern(q);
        return page.of(gateway.inTenant(tenant, sql -> {
            require(sql, id);
            return sql.sql("""
                            select code, redeemed_at, redeemed_phone from vouchers
                            where batch_id = :batch and (lower(code) like :q or coalesce(redeemed_phone, '') like :q)
                            order by id offset :offset limit :limit""")
                    .param("batch", id).param("q", needle).param("offset", page.offset())
                    .param("limit", page.limit())
                    .query((rs, n) -> new Code(rs.getString(1), PackageView.instant(rs, "redeemed_at"),
                            rs.getString(3))).list();
        }));
    }

    /** Every code of a batch, for its CSV and print sheet. */
    List<Code> codes(TenantId tenant, UUID id) {
        return gateway.inTenant(tenant, sql -> {
            require(sql, id);
            return sql.sql("select code, redeemed_at, redeemed_phone from vouchers where batch_id = ? order by id")
                    .param(id).query((rs, n) -> new Code(rs.getString(1), PackageView.instant(rs, "redeemed_at"),
                            rs.getString(3))).list();
        });
    }

    VoucherBatch setStatus(TenantId tenant, Actor actor, UUID id, String status) {
        return gateway.inTenant(tenant, sql -> {
            require(sql, id);
            sql.sql("update voucher_batches set status = ? where id = ?").params(status, id).update();
            actor.audit(sql, "vouchers." + status, id.toString());
            return require(sql, id);
        });
    }

    /** Deletes a batch none of whose vouchers was redeemed (those are purchase records); disable it otherwise. */
    void delete(TenantId tenant, Actor actor, UUID id) {
        gateway.inTenant(tenant, sql -> {
            VoucherBatch batch = require(sql, id);
            if (batch.redeemed() > 0) {
                throw ApiProblem.conflict(batch.redeemed() + " voucher(s) of this batch were redeemed; disable it instead");
            }
            sql.sql("delete from voucher_batches where id = ?").param(id).update();
            actor.audit(sql, "vouchers.deleted", id.toString());
            return null;
        });
    }

    static VoucherBatch require(JdbcClient sql, UUID id) {
        return sql.sql(VoucherBatch.SELECT + " where b.id = ?").param(id).query(VoucherBatch::map).optional()
                .orElseThrow(() -> ApiProblem.notFound("voucher batch " + id));
    }
}
