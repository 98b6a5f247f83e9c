package com.traidnet.wificore.realtime;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real-time limits (docs/realtime.md, "Errors and limits") as pusher-js and a raw
 * WebSocket meet them, on a platform started with limits low enough to reach in a test.
 * Its own Spring context, so the other tests keep the defaults.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = {
        "wificore.realtime.max-channels-per-connection=" + PusherLimitsIT.MAX_CHANNELS,
        "wificore.realtime.client-events-per-second=" + PusherLimitsIT.CLIENT_EVENTS_PER_SECOND,
        "wificore.realtime.messages-per-second=" + PusherLimitsIT.MESSAGES_PER_SECOND,
        "wificore.realtime.max-connections=" + PusherLimitsIT.MAX_CONNECTIONS})
class PusherLimitsIT extends PusherClientsSupport {

    static final int MAX_CHANNELS = 3;
    static final int CLIENT_EVENTS_PER_SECOND = 2;
    static final int MESSAGES_PER_SECOND = 20;
    static final int MAX_CONNECTIONS = 4;

    private TestTenant tenant;

    @BeforeAll
    void tenant() {
        tenant = registerTenant("rt_limits");
    }

    private Map<String, String> limitsEnv() {
        return env(tenant, "MAX_CHANNELS", Integer.toString(MAX_CHANNELS),
                "CLIENT_EVENTS_PER_SECOND", Integer.toString(CLIENT_EVENTS_PER_SECOND),
                "MESSAGES_PER_SECOND", Integer.toString(MESSAGES_PER_SECOND),
                "MAX_CONNECTIONS", Integer.toString(MAX_CONNECTIONS));
    }

    @Test
    void aConnectionMayHoldOnlySoManyChannels() {
        JsonNode r = run("limits.mjs", limitsEnv(), "channels");

        assertThat(r.path("accepted")).hasSize(MAX_CHANNELS);
        assertThat(r.path("refused").path("type").asString()).isEqualTo("LimitReached");
        assertThat(r.path("refused").path("status").asInt()).isEqualTo(400);
        assertThat(r.path("refused").path("error").asString()).contains("at most " + MAX_CHANNELS + " channels");
    }

    @Test
    void clientEventsBeyondTheRateAreRefusedWith4301AndTheConnectionStays() {
        JsonNode r = run("limits.mjs", limitsEnv(), "client-rate");

        assertThat(r.path("error").path("type").asString()).isEqualTo("PusherError");
        assertThat(r.path("error").path("data").path("code").asInt()).isEqualTo(4301);
        int burst = r.path("burst").asInt();
        assertThat(r.path("errors").asInt()).isEqualTo(burst - CLIENT_EVENTS_PER_SECOND);
        // the refused events were dropped, the allowed ones delivered, in order
        assertThat(r.path("delivered").toString()).isEqualTo("[1,2]");
        assertThat(r.path("senderStillConnected").asBoolean()).isTrue();
    }

    @Test
    void aFloodingClientIsToldAndClosedWith4301() {
        JsonNode r = run("limits.mjs", limitsEnv(), "flood");

        assertThat(r.path("error").path("code").asInt()).isEqualTo(4301);
        assertThat(r.path("close").path("code").asInt()).isEqualTo(4301);
        assertThat(r.path("pongs").asInt()).isEqualTo(MESSAGES_PER_SECOND);
    }

    @Test
    void connectionsBeyondTheAppsLimitAreRefusedWith4004() {
        JsonNode r = run("limits.mjs", limitsEnv(), "connections");

        PusherClientsIT.assertRefused(r.path("refusal"), 4004);
        assertThat(r.path("opened").asInt()).isBetween(1, MAX_CONNECTIONS);
    }
}
