package com.traidnet.wificore.billing;

import com.traidnet.wificore.seed.SeedContributor;
import com.traidnet.wificore.seed.SeedScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * For {@code seed demo|scale}: the seeded tenant takes M-Pesa through the built-in Daraja simulator
 * (till 174379, Safaricom's sandbox test till), so its captive portal sells packages on one machine
 * as it would with Safaricom. Only where the simulator runs (never on a production platform), and
 * never over settings a tenant already has.
 */
@Component
class MpesaSeed implements SeedContributor {

    static final String TILL = "174379";

    private final MpesaSettingsStore store;
    private final boolean simulatorEnabled;

    MpesaSeed(MpesaSettingsStore store, @Value("${wificore.billing.simulator.enabled:true}") boolean simulatorEnabled) {
        this.store = store;
        this.simulatorEnabled = simulatorEnabled;
    }

    @Override
    public String name() {
        return "mpesa";
    }

    @Override
    public String seed(SeedScope seed) {
        if (!simulatorEnabled) {
            return "not configured: the Daraja simulator is off on this platform (set M-Pesa in Settings)";
        }
        if (store.find(seed.tenant()).isPresent()) {
            return "kept the tenant's own settings";
        }
        // the simulator accepts any credentials: these only satisfy "all three on the first save"
        store.save(seed.tenant(), new MpesaSettingsStore.Change(TILL, "till", "simulator", null, "demo-passkey",
                "demo-consumer-key", "demo-consumer-secret"));
        return "the built-in Daraja simulator (till " + TILL + "): the captive portal takes payments";
    }
}
