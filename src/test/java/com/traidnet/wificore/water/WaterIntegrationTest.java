package com.traidnet.wificore.water;

import com.traidnet.wificore.support.Api;
import com.traidnet.wificore.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.traidnet.wificore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Shared steps of the water ITs: dispensers, customers and dispenses through the real HTTP API. */
abstract class WaterIntegrationTest extends IntegrationTest {

    DeviceClient registerDispenser(TestTenant tenant, String name, String price) {
        var r = api().post("/api/water/dispensers", json("name", name, "location", "Kiosk road",
                "tankCapacityLitres", 1000, "pricePerLitre", new BigDecimal(price), "pulsesPerLitre", 450), tenant.token());
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return new DeviceClient(api(), r.body().path("dispenser").path("deviceId").asString(),
                r.body().path("secretKey").asString());
    }

    String dispenserId(TestTenant tenant, DeviceClient device) {
        var list = api().get("/api/water/dispensers?q=" + device.deviceId, tenant.token());
        return list.body().path("items").get(0).path("id").asString();
    }

    String customer(TestTenant tenant, String card, String phone, String cash) {
        var r = api().post("/api/water/customers", json("name", "Customer " + card, "cardId", card, "phone", phone),
                tenant.token());
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        String id = r.text("id");
        if (cash != null) {
            var t = api().post("/api/water/customers/" + id + "/topups", json("amount", new BigDecimal(cash),
                    "reference", "till-1"), tenant.token());
            assertThat(t.status()).as(t.body().toString()).isEqualTo(201);
        }
        return id;
    }

    JsonNode customerView(TestTenant tenant, String id) {
        return api().get("/api/water/customers/" + id, tenant.token()).body();
    }

    BigDecimal balance(TestTenant tenant, String id) {
        return customerView(tenant, id).path("balance").decimalValue();
    }

    static Map<String, Object> dispense(long seq, String customerId, String litres, String amount, Instant startedAt) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("seq", seq);
        d.put("customerId", customerId);
        d.put("litres", new BigDecimal(litres));
        d.put("amount", new BigDecimal(amount));
        d.put("startedAt", startedAt.toString());
        d.put("endedAt", startedAt.plusSeconds(30).toString());
        return d;
    }

    static void assertProblem(Api.Response r, int status, String reason) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        if (reason != null) {
            assertThat(r.body().path("reason").asString()).isEqualTo(reason);
        }
    }
}
