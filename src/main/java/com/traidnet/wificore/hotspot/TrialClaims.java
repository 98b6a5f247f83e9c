package com.traidnet.wificore.hotspot;

import com.traidnet.wificore.billing.FulfilmentResult;
import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.stereotype.Service;

import java.util.UUID;

/**
 * A free package (price 0, e.g. a 10-minute trial) claimed on the captive portal: nothing to pay,
 * so it is provisioned at once, but only once per phone and, when the NAS told us the device's
 * MAC, once per device ({@code trial_claims}, tenant V22) — otherwise a new number would mean a
 * new free trial for ever. The claim and the provisioning commit together.
 */
@Service
class TrialClaims {

    private final TenantGateway gateway;
    private final Provisioning provisioning;

    TrialClaims(TenantGateway gateway, Provisioning provisioning) {
        this.gateway = gateway;
        this.provisioning = provisioning;
    }

    VoucherRedemption.Redeemed claim(TenantId tenant, UUID packageId, String phone, String mac) {
        String username = PhoneNumbers.normalise(phone, "phone");
        String device = SubscriberRequest.mac(mac, "macAddress");
        return gateway.inTenant(tenant, sql -> {
            PackageView pkg = Packages.load(sql, packageId).filter(p -> !p.archived())
                    .orElseThrow(() -> ApiProblem.notFound("package " + packageId));
            if (pkg.price().signum() != 0) {
                throw ApiProblem.invalidField("packageId", "package '" + pkg.name() + "' is not free: pay for it");
            }
            // a trial is for a new customer: given to a number that has an account it would hand that account's
            // password to whoever typed the number, and replace what its owner paid for with the trial
            if (sql.sql("select exists (select 1 from subscribers where username = ?)").param(username)
                    .query(Boolean.class).single()) {
                throw ApiProblem.conflictOn("phone", "this number already has an account here: the free '"
                        + pkg.name() + "' is for new customers; buy a package or redeem a voucher");
            }
            int claimed = sql.sql("""
                            insert into trial_claims (package_id, phone, mac_address) values (?, ?, ?)
                            on conflict do nothing""")
                    .params(pkg.id(), username, device).update();
            if (claimed == 0) {
                throw ApiProblem.conflict("the free '" + pkg.name() + "' has already been used on this phone"
                        + (device == null ? "" : " or device") + "; choose a package to buy");
            }
            var result = provisioning.hotspot(sql, tenant, pkg, username, device, Actor.system("trial:" + username),
                    "trial");
            return switch (result) {
                case FulfilmentResult.Rejected r -> throw ApiProblem.conflict("the trial cannot be given: " + r.reason());
                case FulfilmentResult.Provisioned p -> new VoucherRedemption.Redeemed(null, p.username(), p.password(),
                        p.expiresAt(), pkg.name());
            };
        });
    }
}
