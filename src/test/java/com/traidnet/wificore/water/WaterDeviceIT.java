package com.traidnet.wificore.water;

import com.traidnet.wificore.tenant.TenantId;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.traidnet.wificore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The signed device API: authorize, heartbeat alerts, tokens at the kiosk, and hostile input. */
class WaterDeviceIT extends WaterIntegrationTest {

    @Autowired
    MeterRegistry metrics;
    @Autowired
    OfflineSweep.Sweeper sweeper;

    @Test
    void hostileRequestsAreRefusedClearlyNothingIsDebitedAndAttemptsAreCounted() {
        var a = registerTenant("water_hostile_a");
        var b = registerTenant("water_hostile_b");
        var device = registerDispenser(a, "Kiosk H", "2");
        String mine = customer(a, "H-1", null, "100");
        String theirs = customer(b, "H-2", null, "100");
        Instant at = Instant.now().minusSeconds(60);
        String path = "/api/devices/v1/dispenses";
        String body = DeviceClient.write(Map.of("dispenses", List.of(dispense(1, mine, "1", "2", at))));

        // bad signature: signed with another key
        var forged = api().send("POST", path, body, null, device.headers(path, body, now(), nonce(), "not-the-key"));
        assertProblem(forged, 401, "bad_signature");
        // signed, but the body was changed on the way
        var headers = device.headers(path, body, now(), nonce(), device.secret);
        assertProblem(api().send("POST", path, body.replace("\"2\"", "\"20\"").replace(":2,", ":20,"), null, headers),
                401, "bad_signature");
        // old timestamp
        assertProblem(api().send("POST", path, body, null, device.headers(path, body, now() - 3600, nonce(),
                device.secret)), 401, "stale_timestamp");
        // replay: the same signed request twice
        var once = device.headers(path, body, now(), nonce(), device.secret);
        assertThat(api().send("POST", path, body, null, once).status()).isEqualTo(200);
        assertProblem(api().send("POST", path, body, null, once), 409, "replay");
        // unknown device, missing headers
        var stranger = new DeviceClient(api(), "WD-NOSUCHDEV1", "whatever");
        assertProblem(stranger.post(path, body), 401, "unknown_device");
        assertProblem(api().post(path, body, null), 401, "missing_headers");
        // negative, absurd litres; malformed JSON; too many
        var bad = device.dispenses(dispense(2, mine, "-1", "0", at), dispense(3, mine, "5000", "10000", at),
                dispense(4, mine, "1", "2", at));
        assertProblem(bad, 422, "invalid_dispense");
        assertThat(bad.body().path("errors").size()).isEqualTo(2);
        assertThat(bad.body().path("errors").get(0).path("field").asString()).isEqualTo("litres");
        assertProblem(device.post(path, "{\"dispenses\": [ {\"seq\": \"x\""), 400, "malformed_body");
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(dispense(1000 + i, null, "1", "2", at));
        }
        assertProblem(device.dispenses(many.toArray()), 413, "batch_too_large");
        // well formed but not honoured: stored and flagged, nothing debited
        var flagged = device.dispenses(dispense(10, mine, "1", "5.00", at), dispense(11, theirs, "1", "2", at),
                dispense(12, UUID.randomUUID().toString(), "1", "2", at));
        assertThat(flagged.status()).as(flagged.body().toString()).isEqualTo(200);
        assertThat(flagged.body().path("recorded").asInt()).isEqualTo(3);
        assertThat(flagged.body().path("flagged").asInt()).isEqualTo(3);
        assertThat(flagged.body().path("flaggedItems").toString()).contains("amount_mismatch").contains("unknown_customer");
        assertThat(balance(a, mine)).isEqualByComparingTo("98"); // only the one good dispense (seq 1)
        assertThat(balance(b, theirs)).isEqualByComparingTo("100");
        var stored = api().get("/api/water/transactions?flagged=true", a.token()).body().path("items");
        assertThat(stored.size()).isEqualTo(3);
        // disabled dispenser
        String id = dispenserId(a, device);
        assertThat(api().post("/api/water/dispensers/" + id + "/disable", null, a.token()).status()).isEqualTo(200);
        assertProblem(device.dispenses(dispense(20, mine, "1", "2", at)), 403, "disabled");
        // every refusal is counted on the dispenser (unknown devices only in the metric)
        var view = api().get("/api/water/dispensers/" + id, a.token()).body();
        assertThat(view.path("status").asString()).isEqualTo("disabled");
        assertThat(view.path("refusedRequests").asLong()).isGreaterThanOrEqualTo(8);
        assertThat(metrics.counter("wificore.water.device.refused", "reason", "unknown_device").count()).isPositive();
        assertThat(balance(a, mine)).isEqualByComparingTo("98");
    }

    @Test
    void authorizeHeartbeatAlertsAndTokensAtTheKiosk() {
        var tenant = registerTenant("water_kiosk");
        var device = registerDispenser(tenant, "Kiosk K", "2.5");
        String customer = customer(tenant, "K-1", "0712000111", "10");

        var ok = device.post("/api/devices/v1/authorize", json("card", "K-1", "litres", 2));
        assertThat(ok.status()).as(ok.body().toString()).isEqualTo(200);
        assertThat(ok.body().path("authorized").asBoolean()).isTrue();
        assertThat(ok.body().path("customerId").asString()).isEqualTo(customer);
        assertThat(ok.body().path("maxLitres").decimalValue()).isEqualByComparingTo("4");
        var tooMuch = device.post("/api/devices/v1/authorize", json("phone", "0712000111", "litres", 5));
        assertThat(tooMuch.body().path("authorized").asBoolean()).isFalse();
        assertThat(tooMuch.body().path("reason").asString()).isEqualTo("insufficient_balance");
        assertProblem(device.post("/api/devices/v1/authorize", json("card", "NOPE")), 404, "unknown_customer");

        double lowBefore = metrics.counter("wificore.water.events", "event", "tank.low").count();
        double faultBefore = metrics.counter("wificore.water.events", "event", "dispenser.fault").count();
        var beat = device.post("/api/devices/v1/heartbeat", json("tankLevelLitres", 900, "faultCodes", List.of(),
                "telemetry", Map.of("rssi", -71)));
        assertThat(beat.status()).as(beat.body().toString()).isEqualTo(200);
        assertThat(beat.body().path("pricePerLitre").decimalValue()).isEqualByComparingTo("2.5");
        device.post("/api/devices/v1/heartbeat", json("tankLevelLitres", 100, "faultCodes", List.of("PUMP_DRY")));
        device.post("/api/devices/v1/heartbeat", json("tankLevelLitres", 90, "faultCodes", List.of("PUMP_DRY")));
        assertThat(metrics.counter("wificore.water.events", "event", "tank.low").count() - lowBefore).isEqualTo(1);
        assertThat(metrics.counter("wificore.water.events", "event", "dispenser.fault").count() - faultBefore).isEqualTo(1);
        var view = api().get("/api/water/dispensers/" + dispenserId(tenant, device), tenant.token()).body();
        assertThat(view.path("status").asString()).isEqualTo("online");
        assertThat(view.path("tankLevelLitres").decimalValue()).isEqualByComparingTo("90");
        assertThat(view.path("faultCodes").toString()).contains("PUMP_DRY");
        awaitNotified("tank.low");

        var batch = api().post("/api/water/tokens/batches", json("count", 3, "amount", 50), tenant.token());
        assertThat(batch.status()).as(batch.body().toString()).isEqualTo(201);
        var codes = api().get("/api/water/tokens/batches/" + batch.text("id") + "/codes", tenant.token()).body()
                .path("items");
        String code = codes.get(0).path("code").asString();
        var redeemed = device.post("/api/devices/v1/redeem", json("code", code, "card", "K-1"));
        assertThat(redeemed.status()).as(redeemed.body().toString()).isEqualTo(200);
        assertThat(redeemed.body().path("balance").decimalValue()).isEqualByComparingTo("60");
        assertProblem(device.post("/api/devices/v1/redeem", json("code", code, "card", "K-1")), 409, "token_refused");
        assertThat(balance(tenant, customer)).isEqualByComparingTo("60");
    }

    @Test
    void aSilentDispenserGoesOfflineOnceAndComesBackWithItsNextRequest() {
        var tenant = registerTenant("water_silent");
        var device = registerDispenser(tenant, "Kiosk S", "1");
        device.post("/api/devices/v1/heartbeat", json("tankLevelLitres", 500));
        TenantId id = new TenantId(UUID.fromString(tenant.id()));
        assertThat(sweeper.sweep(id)).isZero();
        String dispenser = dispenserId(tenant, device);
        // five minutes of silence, as the clock sees it: move the last sighting back
        jdbcBackdate(id, dispenser);
        assertThat(sweeper.sweep(id)).isEqualTo(1);
        assertThat(sweeper.sweep(id)).isZero(); // once per silence
        assertThat(api().get("/api/water/dispensers/" + dispenser, tenant.token()).body().path("status").asString())
                .isEqualTo("offline");
        var report = api().get("/api/reports/water/offline-dispensers", tenant.token()).body();
        assertThat(report.path("items").get(0).path("deviceId").asString()).isEqualTo(device.deviceId);
        device.post("/api/devices/v1/heartbeat", json("tankLevelLitres", 500));
        assertThat(api().get("/api/water/dispensers/" + dispenser, tenant.token()).body().path("status").asString())
                .isEqualTo("online");
        awaitNotified("dispenser.offline");
    }

    @Autowired
    com.traidnet.wificore.tenant.TenantGateway gateway;

    private void jdbcBackdate(TenantId tenant, String dispenser) {
        gateway.inTenant(tenant, sql -> sql.sql("update dispensers set last_seen_at = now() - interval '10 minutes' where id = ?")
                .param(UUID.fromString(dispenser)).update());
    }

    private void awaitNotified(String event) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (metrics.counter("wificore.water.alerts.notified", "event", event).count() < 1) {
            assertThat(Instant.now()).as("notification job for " + event).isBefore(deadline);
            sleep(100);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private static String nonce() {
        return UUID.randomUUID().toString();
    }

    static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }
}
