package com.traidnet.wificore.messaging;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.platform.SecretBox;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/** Tenants' SMS settings in {@code sms_settings} (one row per tenant schema), the API key sealed by SecretBox. */
@Service
class SmsAccounts {

    /** What a sender needs: the settings with the API key opened. */
    record Credentials(String provider, String username, String sender, String apiKey) {
    }

    /** A change; a null API key keeps the stored one. */
    record Change(String provider, String username, String sender, String apiKey) {
    }

    private static final RowMapper<SmsAccount> VIEW = (rs, n) -> new SmsAccount(rs.getString("provider"),
            rs.getString("username"), rs.getString("sender"), rs.getBytes("api_key_sealed") != null,
            rs.getTimestamp("updated_at").toInstant());

    private final TenantGateway gateway;
    private final SecretBox secrets;

    SmsAccounts(TenantGateway gateway, SecretBox secrets) {
        this.gateway = gateway;
        this.secrets = secrets;
    }

    SmsAccount find(TenantId tenant) {
        return gateway.inTenant(tenant, sql -> sql.sql("select * from sms_settings").query(VIEW).optional())
                .orElse(SmsAccount.PLATFORM_DEFAULT);
    }

    Optional<Credentials> credentials(TenantId tenant) {
        return gateway.inTenant(tenant, sql -> sql.sql("select * from sms_settings").query((rs, n) -> {
            byte[] sealed = rs.getBytes("api_key_sealed");
            return new Credentials(rs.getString("provider"), rs.getString("username"), rs.getString("sender"),
                    sealed == null ? null : new String(secrets.open(sealed), StandardCharsets.UTF_8));
        }).optional());
    }

    SmsAccount save(TenantId tenant, Change c) {
        byte[] sealed = c.apiKey() == null ? null : secrets.seal(c.apiKey().getBytes(StandardCharsets.UTF_8));
        return gateway.inTenant(tenant, sql -> {
            boolean keySet = sql.sql("select exists (select 1 from sms_settings where api_key_sealed is not null)")
                    .query(Boolean.class).single();
            if ("africastalking".equals(c.provider())) {
                if (c.username() == null) {
                    throw ApiProblem.invalidField("username", "is required for Africa's Talking");
                }
                if (sealed == null && !keySet) {
                    throw ApiProblem.invalidField("apiKey", "is required the first time Africa's Talking is set up");
                }
            }
            // the kept key goes into the inserted row itself: its CHECK is tested before the conflict is
            sql.sql("""
                            insert into sms_settings as s (id, provider, username, sender, api_key_sealed, updated_at)
                            values (true, :provider, :username, :sender,
                                    coalesce(cast(:key as bytea), (select api_key_sealed from sms_settings)), :now)
                            on conflict (id) do update set provider = excluded.provider, username = excluded.username,
                                sender = excluded.sender, updated_at = excluded.updated_at,
                                api_key_sealed = excluded.api_key_sealed""")
                    .param("provider", c.provider()).param("username", c.username()).param("sender", c.sender())
                    .param("key", sealed).param("now", java.sql.Timestamp.from(Instant.now()))
                    .update();
            return sql.sql("select * from sms_settings").query(VIEW).single();
        });
    }
}
