package com.traidnet.wificore.billing;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.platform.SecretBox;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A tenant's Daraja app in {@code mpesa_settings} (one row), its secrets sealed with
 * {@link SecretBox} before they reach SQL. Saving also claims the shortcode in
 * {@code payment_routes} so C2B notifications find the tenant; a shortcode claimed by another
 * tenant is a 409 (one paybill pays one tenant).
 */
@Service
class MpesaSettingsStore {

    private static final RowMapper<MpesaSettingsView> VIEW = (rs, n) -> new MpesaSettingsView(rs.getString("shortcode"),
            rs.getString("shortcode_type"), rs.getString("environment"), rs.getString("callback_base_url"),
            true, true, true, rs.getTimestamp("updated_at").toInstant(), null);

    private final TenantGateway gateway;
    private final SecretBox secrets;

    MpesaSettingsStore(TenantGateway gateway, SecretBox secrets) {
        this.gateway = gateway;
        this.secrets = secrets;
    }

    /** Secrets left null keep their stored value; on the first save all three are required. */
    record Change(String shortcode, String shortcodeType, String environment, String callbackBaseUrl,
                  String passkey, String consumerKey, String consumerSecret) {
    }

    Optional<MpesaSettingsView> find(TenantId tenant) {
        return gateway.inTenant(tenant, sql -> sql.sql("select * from mpesa_settings").query(VIEW).optional());
    }

    MpesaSettingsView save(TenantId tenant, Change c) {
        try {
            return gateway.inTenant(tenant, sql -> {
                boolean exists = sql.sql("select count(*) from mpesa_settings").query(Integer.class).single() > 0;
                if (!exists && (c.passkey() == null || c.consumerKey() == null || c.consumerSecret() == null)) {
                    throw ApiProblem.invalidField("passkey", "passkey, consumerKey and consumerSecret are required"
                            + " the first time M-Pesa is configured");
                }
                sql.sql("""
                                insert into mpesa_settings as m (id, shortcode, shortcode_type, passkey_sealed,
                                    consumer_key_sealed, consumer_secret_sealed, environment, callback_base_url, updated_at)
                                values (true, :shortcode, :type, coalesce(cast(:passkey as bytea), ''::bytea), coalesce(cast(:key as bytea), ''::bytea),
                                    coalesce(cast(:secret as bytea), ''::bytea), :environment, :callback, now())
                                on conflict (id) do update set shortcode = excluded.shortcode,
                                    shortcode_type = excluded.shortcode_type, environment = excluded.environment,
                                    callback_base_url = excluded.callback_base_url, updated_at = now(),
                                    passkey_sealed = coalesce(cast(:passkey as bytea), m.passkey_sealed),
                                    consumer_key_sealed = coalesce(cast(:key as bytea), m.consumer_key_sealed),
                                    consumer_secret_sealed = coalesce(cast(:secret as bytea), m.consumer_secret_sealed)""")
                        .param("shortcode", c.shortcode()).param("type", c.shortcodeType())
                        .param("passkey", seal(c.passkey())).param("key", seal(c.consumerKey()))
                        .param("secret", seal(c.consumerSecret())).param("environment", c.environment())
                        .param("callback", c.callbackBaseUrl())
                        .update();
                sql.sql("delete from payment_routes where kind = 'c2b' and tenant_id = ?").param(tenant.value()).update();
                sql.sql("insert into payment_routes (kind, key, tenant_id) values ('c2b', ?, ?)")
                        .params(c.shortcode(), tenant.value()).update();
                return sql.sql("select * from mpesa_settings").query(VIEW).single();
            });
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflictOn("shortcode", "shortcode " + c.shortcode() + " is already used by another tenant");
        }
    }

    /** The app with its secrets opened, for one Daraja call; joins the caller's tenant transaction if any. */
    Optional<MpesaApp> app(TenantId tenant) {
        return gateway.inTenant(tenant, sql -> sql.sql("select * from mpesa_settings").query((rs, n) -> new MpesaApp(
                rs.getString("shortcode"), "paybill".equals(rs.getString("shortcode_type")),
                open(rs.getBytes("passkey_sealed")), open(rs.getBytes("consumer_key_sealed")),
                open(rs.getBytes("consumer_secret_sealed")), MpesaEnvironment.of(rs.getString("environment")),
                rs.getString("callback_base_url"))).optional());
    }

    private byte[] seal(String secret) {
        return secret == null ? null : secrets.seal(secret.getBytes(StandardCharsets.UTF_8));
    }

    private String open(byte[] sealed) {
        return new String(secrets.open(sealed), StandardCharsets.UTF_8);
    }
}
