package com.traidnet.wificore.radius.coa;

import com.traidnet.wificore.radius.RadiusTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.traidnet.wificore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/sessions/{id}/disconnect|coa against a NAS stand-in built on pyrad. */
class SessionCommandsIT extends RadiusTestSupport {

    @Test
    void disconnectAndCoaReachTheNasAndAreRecorded() throws Exception {
        PyradNas.requirePyrad();
        String secret = "coa-secret-1";
        try (PyradNas router = PyradNas.start(secret, "ack")) {
            Nas nas = tenantWithNas("coa", secret, true, router.address().getPort());
            acct(nas, "Acct-Status-Type = Start\nAcct-Session-Id = \"81000001\"\nUser-Name = zed\n"
                    + "NAS-IP-Address = 127.0.0.1\nFramed-IP-Address = 10.5.0.99\n");
            var sessions = api().get("/api/sessions?status=open&username=zed", nas.tenant().token());
            assertThat(sessions.status()).isEqualTo(200);
            long id = sessions.body().path("items").get(0).path("id").asLong();

            var coa = api().post("/api/sessions/" + id + "/coa",
                    json("attributes", List.of(json("attribute", "Mikrotik-Rate-Limit", "value", "1M/2M"))),
                    nas.tenant().token());
            assertThat(coa.status()).as(coa.body().toString()).isEqualTo(200);
            assertThat(coa.text("outcome")).isEqualTo("ack");
            JsonNode seen = router.nextRequest(Duration.ofSeconds(5));
            assertThat(seen.get("code").asInt()).isEqualTo(43);
            assertThat(values(seen, "Mikrotik-Rate-Limit")).containsExactly("1M/2M");
            assertThat(values(seen, "Acct-Session-Id")).containsExactly("81000001");

            var disconnect = api().post("/api/sessions/" + id + "/disconnect", json(), nas.tenant().token());
            assertThat(disconnect.status()).as(disconnect.body().toString()).isEqualTo(200);
            assertThat(disconnect.text("outcome")).isEqualTo("ack");
            JsonNode dm = router.nextRequest(Duration.ofSeconds(5));
            assertThat(dm.get("codeName").asString()).isEqualTo("Disconnect-Request");
            assertThat(values(dm, "User-Name")).containsExactly("zed");
            assertThat(values(dm, "Framed-IP-Address")).containsExactly("10.5.0.99");

            List<String> recorded = gateway.inTenant(nas.tenantId(), sql -> sql.sql(
                    "select kind || ':' || outcome from radius_coa_requests where radacctid = ? order by created_at")
                    .param(id).query(String.class).list());
            assertThat(recorded).containsExactly("coa:ack", "disconnect:ack");

            var bad = api().post("/api/sessions/" + id + "/coa",
                    json("attributes", List.of(json("attribute", "No-Such-Attribute", "value", "1"))),
                    nas.tenant().token());
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body().toString()).contains("attributes[0]");

            TestTenant other = registerTenant("coa_other");
            var foreign = api().post("/api/sessions/" + id + "/disconnect", json(), other.token());
            assertThat(foreign.status()).as("another tenant cannot disconnect it").isEqualTo(404);
            assertThat(router.requestsUntilQuietFor(Duration.ofMillis(500))).isEmpty();
        }
    }

    private static List<String> values(JsonNode request, String attribute) {
        List<String> out = new ArrayList<>();
        request.path("attributes").path(attribute).forEach(v -> out.add(v.asString()));
        return out;
    }
}
