package com.traidnet.wificore.billing;

import java.time.Instant;

/**
 * A tenant's Daraja settings as the API shows them: the secrets never leave the server, only
 * whether they are set.
 *
 * @param c2bRegistration outcome of registering the C2B URLs with Daraja on the last save (paybill only), or null
 */
record MpesaSettingsView(String shortcode, String shortcodeType, String environment, String callbackBaseUrl,
                         boolean passkeySet, boolean consumerKeySet, boolean consumerSecretSet, Instant updatedAt,
                         String c2bRegistration) {

    MpesaSettingsView withRegistration(String outcome) {
        return new MpesaSettingsView(shortcode, shortcodeType, environment, callbackBaseUrl, passkeySet,
                consumerKeySet, consumerSecretSet, updatedAt, outcome);
    }
}
