package com.traidnet.wificore.hotspot;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a customer-facing page (the captive portal) may see and do: public packages, the
 * tenant's branding, voucher redemption, and a subscriber's credentials for the automatic
 * login after a purchase. Nothing here needs a staff member.
 */
@Service
public class HotspotStorefront {

    /** A package as a customer sees it. */
    public record Offer(UUID id, String type, String name, BigDecimal price, String currency, String validity,
                        int devices, Long dataCapBytes, int downloadKbps, int uploadKbps) {

        /** Price 0: claimed as a free trial ({@link #claimTrial}), never paid for. */
        public boolean free() {
            return price.signum() == 0;
        }
    }

    /** Credentials for the NAS's login form. */
    /** Credentials to log in with; {@code password} null when they are the customer's own, not shown here. */
    public record Access(String username, String password, Instant expiresAt, String packageName) {
    }

    public record Branding(String displayName, String logoUrl, String primaryColor) {
    }

    private final TenantGateway gateway;
    private final VoucherRedemption vouchers;
    private final TrialClaims trials;

    HotspotStorefront(TenantGateway gateway, VoucherRedemption vouchers, TrialClaims trials) {
        this.gateway = gateway;
        this.vouchers = vouchers;
        this.trials = trials;
    }

    /** Public hotspot and trial packages, cheapest first; {@code nasId} (when known) limits to those sold there. */
    public List<Offer> offers(TenantId tenant, UUID nasId) {
        return gateway.inTenant(tenant, sql -> sql.sql("select " + PackageView.COLUMNS + " from packages"
                        + " where archived_at is null and public and type in ('hotspot', 'trial')"
                        + " and (cardinality(nas_ids) = 0 or ?::uuid = any(nas_ids)) order by price, name limit 50")
                .param(nasId).query(PackageView::map).list()).stream().map(HotspotStorefront::offer).toList();
    }

    /** One offer, if it is on sale (public, live, a hotspot or trial package) at {@code nasId}. */
    public Offer offer(TenantId tenant, UUID packageId, UUID nasId) {
        return offers(tenant, nasId).stream().filter(o -> o.id().equals(packageId)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("package " + packageId));
    }

    public Branding branding(TenantId tenant) {
        return gateway.inTenant(tenant, sql -> sql.sql("select display_name, logo_url, primary_color from branding")
                .query((rs, n) -> new Branding(rs.getString(1), rs.getString(2), rs.getString(3))).optional()
                .orElse(new Branding(null, null, null)));
    }

    /**
     * Redeems a voucher for {@code phone}. The answer carries a password only when this redemption created the
     * account: a voucher for a number that already has one extends it, but its password is never shown to
     * whoever typed the number (anyone can type a stranger's number); its owner logs in with the one they have.
     */
    public Access redeemVoucher(TenantId tenant, String code, String phone, String mac) {
        var redeemed = vouchers.redeem(tenant, code, phone, mac);
        return new Access(redeemed.username(), redeemed.password(), redeemed.expiresAt(), redeemed.packageName());
    }

    /**
     * Gives {@code phone} a free package (price 0) at once, once per phone and device; the answer
     * carries the password to log in with. 409 when already used, 400 when the package is not free.
     */
    public Access claimTrial(TenantId tenant, UUID packageId, String phone, String mac) {
        var given = trials.claim(tenant, packageId, phone, mac); // a new account: its password was just issued
        return new Access(given.username(), given.password(), given.expiresAt(), given.packageName());
    }

    /** The active hotspot subscriber's credentials (after a settled purchase), if there is one. */
    public Optional<Access> access(TenantId tenant, String phone) {
        String username = PhoneNumbers.normalise(phone, "phone");
        return gateway.inTenant(tenant, sql -> sql.sql("""
                        select s.expires_at, s.terms_package_name from subscribers s
                        where s.username = ? and s.kind = 'hotspot' and s.status = 'active'""")
                .param(username)
                .query((rs, n) -> new Access(username, RadiusRows.currentPassword(sql, username),
                        PackageView.instant(rs, "expires_at"), rs.getString(2))).optional());
    }

    private static Offer offer(PackageView p) {
        return new Offer(p.id(), p.type(), p.name(), p.price(), p.currency(), p.validity().text(), p.devices(),
                p.dataCapBytes(), p.downloadKbps(), p.uploadKbps());
    }
}
