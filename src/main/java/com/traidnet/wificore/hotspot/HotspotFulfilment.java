package com.traidnet.wificore.hotspot;

import com.traidnet.wificore.billing.FulfilmentResult;
import com.traidnet.wificore.billing.PaymentFulfilment;
import com.traidnet.wificore.billing.SettledPayment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** What a settled payment buys: a hotspot package for the payer's phone, or a PPPoE bill. */
@Component
class HotspotFulfilment implements PaymentFulfilment {

    private final Provisioning provisioning;

    HotspotFulfilment(Provisioning provisioning) {
        this.provisioning = provisioning;
    }

    @Override
    public boolean fulfils(SettledPayment.Purpose purpose) {
        return purpose == SettledPayment.Purpose.HOTSPOT_PACKAGE || purpose == SettledPayment.Purpose.PPPOE_BILL;
    }

    @Override
    public FulfilmentResult fulfil(JdbcClient sql, SettledPayment payment) {
        Actor actor = Actor.system("payment:" + payment.receipt());
        return switch (payment.purpose()) {
            case HOTSPOT_PACKAGE -> hotspot(sql, payment, actor);
            case PPPOE_BILL -> provisioning.pppoeBill(sql, payment.tenant(), payment.reference(), actor, "payment",
                    payment.amount(), payment.currency());
            case WATER_TOPUP -> new FulfilmentResult.Rejected("a water top-up is not a hotspot purchase");
        };
    }

    @Override
    public Optional<String> describe(JdbcClient sql, SettledPayment.Purpose purpose, String reference) {
        return switch (purpose) {
            case HOTSPOT_PACKAGE -> packageId(reference).flatMap(id -> Packages.load(sql, id))
                    .map(p -> p.name() + " (" + ("trial".equals(p.type()) ? "trial" : "hotspot package") + ")");
            case PPPOE_BILL -> reference == null ? Optional.empty() : sql.sql("""
                            select coalesce(terms_package_name, '') from subscribers
                            where account_number = ? and kind = 'pppoe'""")
                    .param(reference.strip()).query(String.class).optional()
                    .map(name -> "Internet bill, account " + reference.strip() + (name.isEmpty() ? "" : " (" + name + ")"));
            case WATER_TOPUP -> Optional.empty();
        };
    }

    private FulfilmentResult hotspot(JdbcClient sql, SettledPayment payment, Actor actor) {
        Optional<PackageView> found = packageId(payment.reference()).flatMap(id -> Packages.load(sql, id));
        if (found.isEmpty()) {
            return new FulfilmentResult.Rejected("unknown package: " + payment.reference());
        }
        PackageView pkg = found.get();
        if (pkg.archived()) {
            return new FulfilmentResult.Rejected("package '" + pkg.name() + "' is archived");
        }
        if ("pppoe".equals(pkg.type())) {
            return new FulfilmentResult.Rejected("package '" + pkg.name() + "' is not sold on the hotspot");
        }
        if (!pkg.currency().equalsIgnoreCase(payment.currency())) {
            return new FulfilmentResult.Rejected("paid in " + payment.currency() + ", package priced in " + pkg.currency());
        }
        if (payment.amount() == null || payment.amount().compareTo(pkg.price()) < 0) {
            return new FulfilmentResult.Rejected("paid " + payment.amount() + ", package costs " + pkg.price());
        }
        return provisioning.hotspot(sql, payment.tenant(), pkg, payment.phone(), payment.macAddress(), actor,
                "payment");
    }

    private static Optional<UUID> packageId(String reference) {
        try {
            return Optional.of(UUID.fromString(reference.strip()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
