package com.traidnet.wificore.hotspot;

import com.traidnet.wificore.billing.FulfilmentResult;
import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Redeeming a voucher for a phone, through the same provisioning as a payment. Race-safe:
 * the claim is one {@code UPDATE … WHERE redeemed_at IS NULL}; concurrent redeemers queue on
 * the row lock and, once the winner commits, find the condition false. If provisioning
 * fails, the claim rolls back with it and the voucher stays usable.
 */
@Service
class VoucherRedemption {

    record Redeemed(String code, String username, String password, Instant expiresAt, String packageName) {
    }

    private record Claim(long voucherId, UUID packageId) {
    }

    private final TenantGateway gateway;
    private final Provisioning provisioning;
    private final SubscriberWrites writes;

    VoucherRedemption(TenantGateway gateway, Provisioning provisioning, SubscriberWrites writes) {
        this.gateway = gateway;
        this.provisioning = provisioning;
        this.writes = writes;
    }

    /** @param password in the answer only when a new subscriber was created (existing ones keep theirs) */
    Redeemed redeem(TenantId tenant, String typedCode, String phone, String mac) {
        String code = Codes.normaliseVoucher(typedCode);
        if (code.isEmpty()) {
            throw ApiProblem.invalidField("code", "is required");
        }
        String username = PhoneNumbers.normalise(phone, "phone");
        String device = SubscriberRequest.mac(mac, "macAddress");
        return gateway.inTenant(tenant, sql -> {
            Instant now = writes.clock().instant();
            Claim claim = sql.sql("""
                            update vouchers v set redeemed_at = ?, redeemed_phone = ?
                            from voucher_batches b
                            where v.code = ? and b.id = v.batch_id and v.redeemed_at is null and b.status = 'enabled'
                              and (b.expires_at is null or b.expires_at > ?)
                            returning v.id, b.package_id""")
                    .params(Timestamp.from(now), username, code, Timestamp.from(now))
                    .query((rs, n) -> new Claim(rs.getLong(1), rs.getObject(2, UUID.class))).optional()
                    .orElseThrow(() -> whyNot(sql, code));
            // a voucher was paid for when it was sold: an archived package still honours it
            PackageView pkg = Packages.load(sql, claim.packageId()).orElseThrow();
            var result = provisioning.hotspot(sql, tenant, pkg, username, device, Actor.system("voucher:" + code),
                    "voucher");
            return switch (result) {
                case FulfilmentResult.Rejected r -> throw ApiProblem.conflict("voucher cannot be redeemed: " + r.reason());
                case FulfilmentResult.Provisioned p -> {
                    sql.sql("update vouchers set subscriber_id = (select id from subscribers where username = ?)"
                            + " where id = ?").params(p.username(), claim.voucherId()).update();
                    yield new Redeemed(code, p.username(), p.password(), p.expiresAt(), pkg.name());
                }
            };
        });
    }

    /** Why the claim found nothing: unknown (also another tenant's) 404, redeemed or disabled 409, expired 410. */
    private ApiProblem whyNot(JdbcClient sql, String code) {
        record State(Instant redeemedAt, String status, Instant expiresAt) {
        }
        return sql.sql("""
                        select v.redeemed_at, b.status, b.expires_at from vouchers v
                        join voucher_batches b on b.id = v.batch_id where v.code = ?""")
                .param(code).query((rs, n) -> new State(PackageView.instant(rs, "redeemed_at"), rs.getString(2),
                        PackageView.instant(rs, "expires_at"))).optional()
                .map(s -> s.redeemedAt() != null ? ApiProblem.conflict("voucher " + code + " was already redeemed")
                        : "disabled".equals(s.status()) ? ApiProblem.conflict("voucher " + code + " is disabled")
                        : new ApiProblem(HttpStatus.GONE, "voucher " + code + " expired at " + s.expiresAt()))
                .orElseGet(() -> ApiProblem.notFound("voucher " + code));
    }
}
