package com.traidnet.wificore.identity;

import com.traidnet.wificore.tenant.TenantGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.EnumSet;

/**
 * On the very first start (no platform admin yet) creates one from
 * {@code WIFICORE_ADMIN_EMAIL}/{@code WIFICORE_ADMIN_PASSWORD}, or with a generated
 * password that is printed once and never stored in clear.
 */
@Component
class PlatformAdminBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(PlatformAdminBootstrap.class);

    private final TenantGateway gateway;
    private final StaffAccounts staff;
    private final IdentitySettings settings;

    PlatformAdminBootstrap(TenantGateway gateway, StaffAccounts staff, IdentitySettings settings) {
        this.gateway = gateway;
        this.staff = staff;
        this.settings = settings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        boolean exists = gateway.inPlatform(sql -> sql.sql(
                "select exists (select 1 from staff_users where 'platform_admin' = any (roles))")
                .query(Boolean.class).single());
        if (exists) {
            return;
        }
        boolean generated = settings.adminPassword().isBlank();
        String password = generated ? generatePassword() : settings.adminPassword();
        staff.addPlatformAdmin(staff.prepare(settings.adminEmail(), password, "Platform admin",
                EnumSet.of(Role.PLATFORM_ADMIN), "WIFICORE_ADMIN_EMAIL", "WIFICORE_ADMIN_PASSWORD"));
        if (generated) {
            // printed once, on stdout, so it is not kept by log shipping at INFO level
            System.out.println("""

                    ================================================================
                      WifiCore platform admin created
                        e-mail:   %s
                        password: %s
                      This password is shown only now. Change it after signing in.
                    ================================================================
                    """.formatted(settings.adminEmail(), password));
        } else {
            log.info("platform admin {} created from WIFICORE_ADMIN_EMAIL/WIFICORE_ADMIN_PASSWORD",
                    settings.adminEmail());
        }
    }

    private static String generatePassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var random = new SecureRandom();
        var out = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
