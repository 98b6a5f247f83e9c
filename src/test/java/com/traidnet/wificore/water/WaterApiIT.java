package com.traidnet.wificore.water;

import com.traidnet.wificore.support.MpesaSimulator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static com.traidnet.wificore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The tenant API: isolation between tenants, validation, key rotation, M-Pesa top-ups, litre balances, reports. */
class WaterApiIT extends WaterIntegrationTest {

    @Test
    void oneTenantsStaffCanNeitherSeeNorChangeAnothersDispensersCustomersOrTokens() {
        var a = registerTenant("water_iso_a");
        var b = registerTenant("water_iso_b");
        var device = registerDispenser(a, "Kiosk Iso", "2");
        String dispenser = dispenserId(a, device);
        String customer = customer(a, "ISO-1", "0712999000", "50");
        String theirs = customer(b, "ISO-2", null, "50");
        var batch = api().post("/api/water/tokens/batches", json("count", 2, "amount", 20), a.token());
        String code = api().get("/api/water/tokens/batches/" + batch.text("id") + "/codes", a.token()).body()
                .path("items").get(0).path("code").asString();

        for (String path : new String[] {"/api/water/dispensers/" + dispenser, "/api/water/customers/" + customer,
                "/api/water/customers/" + customer + "/statement", "/api/water/tokens/batches/" + batch.text("id"),
                "/api/water/tokens/batches/" + batch.text("id") + ".csv"}) {
            assertThat(api().get(path, b.token()).status()).as(path).isEqualTo(404);
        }
        assertThat(api().send("PATCH", "/api/water/dispensers/" + dispenser, json("name", "Mine now"), b.token(),
                Map.of()).status()).isEqualTo(404);
        for (String path : new String[] {"/api/water/dispensers/" + dispenser + "/disable",
                "/api/water/dispensers/" + dispenser + "/rotate-key", "/api/water/tokens/batches/" + batch.text("id")
                + "/disable"}) {
            assertThat(api().post(path, null, b.token()).status()).as(path).isEqualTo(404);
        }
        assertThat(api().post("/api/water/customers/" + customer + "/topups", json("amount", 10), b.token()).status())
                .isEqualTo(404);
        // A's token is not B's: B cannot redeem it for B's own customer
        var stolen = api().post("/api/water/customers/" + theirs + "/redeem", json("code", code), b.token());
        assertProblem(stolen, 404, null);
        assertThat(api().get("/api/water/dispensers", b.token()).body().path("items").size()).isZero();
        assertThat(api().get("/api/water/customers?q=ISO", b.token()).body().path("items").size()).isEqualTo(1);
        assertThat(api().get("/api/water/transactions", b.token()).body().path("items").size()).isZero();
        // and nothing of A's changed
        assertThat(balance(a, customer)).isEqualByComparingTo("50");
        assertThat(api().get("/api/water/dispensers/" + dispenser, a.token()).body().path("name").asString())
                .isEqualTo("Kiosk Iso");
        assertThat(api().post("/api/water/customers/" + customer + "/redeem", json("code", code), a.token())
                .body().path("balance").decimalValue()).isEqualByComparingTo("70");
    }

    @Test
    void badInputGetsProblemsThatNameTheField() {
        var t = registerTenant("water_valid");
        var missing = api().post("/api/water/dispensers", json("name", "No price", "tankCapacityLitres", 100,
                "pulsesPerLitre", 450), t.token());
        assertProblem(missing, 400, null);
        assertThat(missing.body().path("detail").asString()).contains("pricePerLitre");
        assertProblem(api().post("/api/water/dispensers", json("name", "Neg", "tankCapacityLitres", -1,
                "pricePerLitre", 2, "pulsesPerLitre", 450), t.token()), 400, null);
        assertProblem(api().post("/api/water/customers", json("name", "Nobody"), t.token()), 400, null);
        var overfull = api().post("/api/water/dispensers", json("name", "Overfull", "tankCapacityLitres", 1000,
                "tankLowLitres", 5000, "pricePerLitre", 2, "pulsesPerLitre", 450), t.token());
        assertProblem(overfull, 400, null);
        assertThat(overfull.body().path("detail").asString()).contains("tankLowLitres", "1000 L");
        String kiosk = dispenserId(t, registerDispenser(t, "Kiosk 9", "2"));
        assertProblem(api().send("PATCH", "/api/water/dispensers/" + kiosk, json("tankLowLitres", 1001), t.token(),
                java.util.Map.of()), 400, null);
        customer(t, "DUP-1", null, null);
        var dup = api().post("/api/water/customers", json("cardId", "DUP-1"), t.token());
        assertProblem(dup, 400, null);
        assertThat(dup.body().path("detail").asString()).contains("cardId");
        assertProblem(api().post("/api/water/tokens/batches", json("count", 2, "litres", 5), t.token()), 400, null);
        assertProblem(api().get("/api/water/transactions?from=yesterday", t.token()), 400, null);
        assertProblem(api().get("/api/reports/water/dispensers-daily?from=2026-02-01&to=2026-01-01", t.token()), 400, null);
    }

    @Test
    void aRotatedKeyReplacesTheOldOneAtOnce() {
        var t = registerTenant("water_rotate");
        var device = registerDispenser(t, "Kiosk Rot", "1");
        assertThat(device.post("/api/devices/v1/heartbeat", json()).status()).isEqualTo(200);
        var rotated = api().post("/api/water/dispensers/" + dispenserId(t, device) + "/rotate-key", null, t.token());
        assertThat(rotated.status()).isEqualTo(200);
        assertProblem(device.post("/api/devices/v1/heartbeat", json()), 401, "bad_signature");
        var renewed = new DeviceClient(api(), device.deviceId, rotated.text("secretKey"));
        assertThat(renewed.post("/api/devices/v1/heartbeat", json()).status()).isEqualTo(200);
    }

    @Test
    void anMpesaTopUpCreditsTheAccountWhenThePaymentSettles() {
        var t = registerTenant("water_mpesa");
        MpesaSimulator.configure(api(), t.token());
        String customer = customer(t, "MP-1", "0712345678", null);
        var push = api().post("/api/water/customers/" + customer + "/mpesa-topups", json("amount", 150), t.token());
        assertThat(push.status()).as(push.body().toString()).isEqualTo(201);
        String payment = push.text("paymentId");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!"settled".equals(api().get("/api/payments/" + payment, t.token()).text("status"))) {
            assertThat(Instant.now()).as("payment settles").isBefore(deadline);
            sleep();
        }
        assertThat(balance(t, customer)).isEqualByComparingTo("150");
        var entry = api().get("/api/water/customers/" + customer + "/statement", t.token()).body().path("items").get(0);
        assertThat(entry.path("kind").asString()).isEqualTo("mpesa");
        assertThat(entry.path("balanceAfter").decimalValue()).isEqualByComparingTo("150");
    }

    @Test
    void litreBalancesAndTheReports() {
        var t = registerTenant("water_litres");
        var set = api().send("PUT", "/api/water/settings", json("balanceUnit", "litres", "topupPricePerLitre", 2,
                "lowBalanceThreshold", 10), t.token(), Map.of());
        assertThat(set.status()).as(set.body().toString()).isEqualTo(200);
        var device = registerDispenser(t, "Kiosk L", "0");
        String customer = customer(t, "L-1", null, "40"); // 40 at 2 a litre = 20 litres
        assertThat(balance(t, customer)).isEqualByComparingTo("20");
        assertProblem(api().send("PUT", "/api/water/settings", json("balanceUnit", "money"), t.token(), Map.of()), 409,
                null);
        Instant at = Instant.now().minusSeconds(300);
        var r = device.dispenses(dispense(1, customer, "12.5", "0", at), dispense(2, null, "3", "0", at));
        assertThat(r.body().path("recorded").asInt()).as(r.body().toString()).isEqualTo(2);
        assertThat(balance(t, customer)).isEqualByComparingTo("7.5");

        var daily = api().get("/api/reports/water/dispensers-daily", t.token()).body().path("rows");
        assertThat(daily.size()).isEqualTo(1);
        assertThat(daily.get(0).path("litres").decimalValue()).isEqualByComparingTo("15.5");
        assertThat(daily.get(0).path("dispenses").asInt()).isEqualTo(2);
        var csv = api().get("/api/reports/water/dispensers-daily.csv", t.token());
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.raw().body()).startsWith("day,dispenser_id,dispenser,currency,dispenses,litres,revenue,flagged")
                .contains("Kiosk L");
        var low = api().get("/api/reports/water/low-balances", t.token()).body().path("items");
        assertThat(low.get(0).path("customerId").asString()).isEqualTo(customer);
        var usage = api().get("/api/reports/water/customers", t.token()).body().path("items").get(0);
        assertThat(usage.path("litres").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(usage.path("credited").decimalValue()).isEqualByComparingTo("20");
        assertThat(api().get("/api/reports/water/customers.csv", t.token()).raw().body()).contains("L-1");
        registerDispenser(t, "Kiosk Never", "0");
        assertThat(api().get("/api/reports/water/offline-dispensers.csv", t.token()).raw().body())
                .contains("Kiosk Never,").contains("never_seen").doesNotContain("Kiosk L,"); // L uploaded: online
        var tokens = api().post("/api/water/tokens/batches", json("count", 5, "litres", 20, "codeLength", 10), t.token());
        var tokenCsv = api().get("/api/water/tokens/batches/" + tokens.text("id") + ".csv", t.token()).raw().body();
        assertThat(tokenCsv.lines().count()).isEqualTo(6);
        assertThat(tokenCsv.lines().skip(1).allMatch(l -> l.matches("\\d{10},20\\.000,litres,.*"))).isTrue();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
