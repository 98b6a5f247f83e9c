package com.traidnet.wificore.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/**
 * {@code wificore.sms.*} (environment {@code WIFICORE_SMS_*}); see docs/configuration.md.
 *
 * @param provider {@code log} (default: messages go to the log only) or {@code africastalking}
 * @param username Africa's Talking application username ({@code sandbox} for their sandbox)
 * @param apiKey   Africa's Talking API key
 * @param sender   registered sender id or short code; blank = the provider's default
 * @param url      Africa's Talking messaging endpoint (their sandbox has another host)
 */
@ConfigurationProperties("wificore.sms")
record SmsSettings(@DefaultValue("log") String provider, String username, String apiKey, String sender,
                   @DefaultValue("https://api.africastalking.com/version1/messaging") URI url) {

    SmsSettings {
        if (!"log".equals(provider) && !"africastalking".equals(provider)) {
            throw new IllegalArgumentException("wificore.sms.provider (WIFICORE_SMS_PROVIDER) must be log or"
                    + " africastalking, not " + provider);
        }
        if ("africastalking".equals(provider) && (blank(username) || blank(apiKey))) {
            throw new IllegalArgumentException("WIFICORE_SMS_PROVIDER=africastalking needs WIFICORE_SMS_USERNAME"
                    + " and WIFICORE_SMS_APIKEY");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
