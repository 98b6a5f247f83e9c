package com.traidnet.wificore.hotspot;

import java.math.BigDecimal;

/**
 * The terms a subscriber bought, copied from the package at purchase so that editing the
 * package later changes nothing for those who already paid.
 *
 * @param octetsBase octets the username had already used (all of radacct) at purchase
 */
record Terms(String packageName, BigDecimal price, String currency, int durationValue, String durationUnit,
             String rateLimit, int devices, Long dataCapBytes, long octetsBase) {

    static Terms of(PackageView p, long octetsBase) {
        return new Terms(p.name(), p.price(), p.currency(), p.durationValue(), p.durationUnit(), p.rateLimit(),
                p.devices(), p.dataCapBytes(), octetsBase);
    }

    Validity validity() {
        return new Validity(durationValue, Validity.Unit.of(durationUnit));
    }

    /**
     * Max-Total-Octets for RADIUS. Our authorizer compares it with the octets of ALL the
     * user's accounting (docs/radius.md), not just since this purchase, so the cap bought is
     * added to what was already used then; otherwise a returning customer's old traffic would
     * eat the new bundle.
     */
    Long maxTotalOctets() {
        return dataCapBytes == null ? null : octetsBase + dataCapBytes;
    }
}
