package com.traidnet.wificore.realtime;

import com.traidnet.wificore.realtime.protocol.PusherApps;
import com.traidnet.wificore.realtime.protocol.Signatures;
import com.traidnet.wificore.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static com.traidnet.wificore.support.Api.JSON;
import static com.traidnet.wificore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/broadcasting/*}: staff get signatures for their own tenant's channels only —
 * over the form encoding pusher-js posts and over JSON — and bad input is a problem+json.
 */
class BroadcastingAuthIT extends IntegrationTest {

    private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded");

    @Autowired
    PusherApps apps;
    @Autowired
    RealtimeEndpoint endpoint;

    @Test
    void aTenantsStaffGetSignaturesForItsOwnChannelsThatTheServerAccepts() {
        var a = registerTenant("bc_a");
        String channel = "private-tenant." + a.id() + ".sessions";
        var signed = api().send("POST", "/api/broadcasting/auth", "socket_id=123.456&channel_name=" + channel,
                a.token(), FORM);
        assertThat(signed.status()).as(signed.body().toString()).isEqualTo(200);
        assertThat(signed.text("auth")).isEqualTo(Signatures.channelAuth(apps.primary(), "123.456", channel, null));

        var json = api().post("/api/broadcasting/auth", json("socket_id", "123.456", "channel_name", channel), a.token());
        assertThat(json.text("auth")).isEqualTo(signed.text("auth"));
    }

    @Test
    void presenceSignaturesCarryTheStaffMemberAsChannelData() {
        var a = registerTenant("bc_p");
        String channel = "presence-tenant." + a.id() + ".ops";
        var signed = api().post("/api/broadcasting/auth", json("socket_id", "1.2", "channel_name", channel), a.token());
        assertThat(signed.status()).isEqualTo(200);
        JsonNode data = JSON.readTree(signed.text("channel_data"));
        assertThat(data.path("user_id").asString()).isEqualTo(a.adminId());
        assertThat(data.path("user_info").path("email").asString()).isEqualTo(a.adminEmail());
        assertThat(signed.text("auth")).isEqualTo(
                Signatures.channelAuth(apps.primary(), "1.2", channel, signed.text("channel_data")));
    }

    @Test
    void encryptedChannelsComeWithTheirSharedSecret() {
        var a = registerTenant("bc_e");
        String channel = "private-encrypted-tenant." + a.id() + ".payments";
        var signed = api().post("/api/broadcasting/auth", json("socket_id", "1.2", "channel_name", channel), a.token());
        assertThat(signed.status()).isEqualTo(200);
        assertThat(signed.text("shared_secret")).isEqualTo(apps.primary().sharedSecret(channel));
    }

    @Test
    void anotherTenantsChannelIsRefused() {
        var a = registerTenant("bc_iso_a");
        var b = registerTenant("bc_iso_b");
        for (String channel : new String[] {"private-tenant." + b.id() + ".sessions",
                "presence-tenant." + b.id() + ".ops", "private-encrypted-tenant." + b.id() + ".payments"}) {
            var refused = api().post("/api/broadcasting/auth", json("socket_id", "1.2", "channel_name", channel),
                    a.token());
            assertThat(refused.status()).as(channel).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().path("detail").asString()).contains("another tenant");
        }
        // nor any private channel outside the tenant naming rule
        var other = api().post("/api/broadcasting/auth", json("socket_id", "1.2", "channel_name", "private-anything"),
                a.token());
        assertThat(other.status()).isEqualTo(403);
    }

    @Test
    void platformAdminsNameTheTenantLikeEverywhereElse() {
        var a = registerTenant("bc_adm");
        String admin = platformAdminToken();
        String channel = "private-tenant." + a.id() + ".sessions";
        var noTenant = api().post("/api/broadcasting/auth", json("socket_id", "1.2", "channel_name", channel), admin);
        assertThat(noTenant.status()).isEqualTo(400);
        var named = api().send("POST", "/api/broadcasting/auth", json("socket_id", "1.2", "channel_name", channel),
                admin, Map.of("X-Tenant", a.slug()));
        assertThat(named.status()).isEqualTo(200);
    }

    @Test
    void badInputIsAProblem() {
        var a = registerTenant("bc_bad");
        String channel = "private-tenant." + a.id() + ".sessions";
        assertThat(api().post("/api/broadcasting/auth", json("socket_id", "1.2", "channel_name", channel), "wct_forged")
                .status()).isEqualTo(401);
        for (String socketId : new String[] {"", "abc", "1.2.3", "1.", "99999999999999999999999.1"}) {
            var bad = api().post("/api/broadcasting/auth", json("socket_id", socketId, "channel_name", channel),
                    a.token());
            assertThat(bad.status()).as(socketId).isEqualTo(400);
            assertThat(bad.body().toString()).contains("socket_id");
        }
        var noChannel = api().post("/api/broadcasting/auth", json("socket_id", "1.2"), a.token());
        assertThat(noChannel.status()).isEqualTo(400);
        assertThat(noChannel.body().toString()).contains("channel_name");
        var malformed = api().send("POST", "/api/broadcasting/auth", "{not json", a.token(), Map.of());
        assertThat(malformed.status()).isEqualTo(400);
    }

    @Test
    void userAuthenticationSignsTheCallerAndConfigNamesThePort() {
        var a = registerTenant("bc_user");
        var signed = api().send("POST", "/api/broadcasting/user-auth", "socket_id=5.6", a.token(), FORM);
        assertThat(signed.status()).isEqualTo(200);
        assertThat(JSON.readTree(signed.text("user_data")).path("id").asString()).isEqualTo(a.adminId());
        assertThat(signed.text("auth")).isEqualTo(Signatures.userAuth(apps.primary(), "5.6", signed.text("user_data")));

        var config = api().get("/api/broadcasting/config", a.token());
        assertThat(config.text("appKey")).isEqualTo(apps.primary().key());
        assertThat(config.body().path("wsPort").asInt()).isEqualTo(endpoint.port());
        assertThat(config.text("channelPrefix")).isEqualTo("private-tenant." + a.id() + ".");
        assertThat(config.body().has("appSecret")).isFalse();
        assertThat(config.body().toString()).doesNotContain(apps.primary().secret());
    }
}
