package com.traidnet.wificore.realtime;

import com.traidnet.wificore.realtime.protocol.PusherApp;
import com.traidnet.wificore.realtime.protocol.PusherApps;
import com.traidnet.wificore.support.IntegrationTest;
import com.traidnet.wificore.support.NodeScripts;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.traidnet.wificore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the black-box real-time tests share: the environment a Node scenario of
 * {@code src/test/node/realtime} reads (our ports, the Pusher app, a tenant's tokens), a
 * second staff user, and running a scenario to its JSON result.
 */
abstract class PusherClientsSupport extends IntegrationTest {

    static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    RealtimeEndpoint endpoint;
    @Autowired
    PusherApps apps;

    /** The scenario environment for {@code tenant}'s admin, plus {@code more} (name, value, ...). */
    Map<String, String> env(TestTenant tenant, String... more) {
        PusherApp app = apps.primary();
        var env = new HashMap<String, String>();
        env.put("WIFICORE_API", "http://127.0.0.1:" + port);
        env.put("WIFICORE_WS_PORT", Integer.toString(endpoint.port()));
        env.put("PUSHER_APP_ID", app.id());
        env.put("PUSHER_APP_KEY", app.key());
        env.put("PUSHER_APP_SECRET", app.secret());
        env.put("ENCRYPTION_MASTER_KEY_BASE64", Base64.getEncoder().encodeToString(app.encryptionMasterKey()));
        env.put("TENANT_ID", tenant.id());
        env.put("TOKEN", tenant.token());
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    /** A second staff user (operator) of {@code tenant}, signed in: its token. */
    String addOperator(TestTenant tenant) {
        String email = "operator@" + tenant.slug() + ".test";
        var created = api().post("/api/staff", json("email", email, "password", PASSWORD, "roles",
                List.of("operator")), tenant.token());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return login(email, PASSWORD);
    }

    /** Runs a scenario; fails the test with everything the script printed unless it reports ok. */
    static JsonNode run(String script, Map<String, String> env, String... args) {
        return NodeScripts.run(script, env, SCRIPT_TIMEOUT, args).requireOk();
    }

    static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    static List<String> events(JsonNode received) {
        return received.valueStream().map(e -> e.path("event").asString()).toList();
    }
}
