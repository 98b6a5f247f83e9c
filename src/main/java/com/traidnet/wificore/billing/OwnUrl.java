package com.traidnet.wificore.billing;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** This platform's base URL: {@code wificore.billing.public-url}, or the local HTTP port when unset. */
@Component
class OwnUrl {

    private final BillingSettings settings;
    private final Environment environment;

    OwnUrl(BillingSettings settings, Environment environment) {
        this.settings = settings;
        this.environment = environment;
    }

    String base() {
        if (settings.publicUrl() != null && !settings.publicUrl().isBlank()) {
            return trim(settings.publicUrl());
        }
        return local();
    }

    /** Where the built-in simulator is: always this process, whatever the public URL says. */
    String local() {
        // local.server.port is the bound port (random in tests); server.port before the server is up
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8070"));
        return "http://127.0.0.1:" + port;
    }

    String callbackBase(MpesaApp app) {
        return app.callbackBaseUrl() != null && !app.callbackBaseUrl().isBlank() ? trim(app.callbackBaseUrl()) : base();
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
