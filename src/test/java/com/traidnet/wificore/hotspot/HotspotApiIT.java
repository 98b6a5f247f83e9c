package com.traidnet.wificore.hotspot;

import com.traidnet.wificore.support.Api;
import com.traidnet.wificore.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.traidnet.wificore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Packages, CSV, vouchers and tenant isolation over HTTP. */
class HotspotApiIT extends IntegrationTest {

    static Map<String, Object> pkg(String name) {
        return json("type", "hotspot", "name", name, "price", 20, "durationValue", 3, "durationUnit", "hours",
                "uploadKbps", 1024, "downloadKbps", 4096);
    }

    String create(TestTenant t, Map<String, Object> body) {
        var created = api().post("/api/packages", body, t.token());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.text("id");
    }

    @Test
    void packagesAreValidatedListedChangedAndArchivedWhenInUse() {
        var t = registerTenant("hpk");
        var bad = api().post("/api/packages", json("type", "cable", "name", "", "price", -1, "durationValue", 0,
                "durationUnit", "weeks", "uploadKbps", 1, "downloadKbps", 1), t.token());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.body().path("errors").findValuesAsString("field"))
                .contains("type", "name", "price", "durationValue", "durationUnit");
        var burst = new java.util.LinkedHashMap<>(pkg("Bursty"));
        burst.put("burst", json("uploadKbps", 512, "downloadKbps", 8192, "thresholdUploadKbps", 768,
                "thresholdDownloadKbps", 3072, "timeSeconds", 8));
        assertThat(api().post("/api/packages", burst, t.token()).body().path("errors").get(0).path("field")
                .asString()).isEqualTo("burst");
        burst.put("burst", json("uploadKbps", 2048, "downloadKbps", 8192, "thresholdUploadKbps", 768,
                "thresholdDownloadKbps", 3072, "timeSeconds", 8));
        var bursty = api().post("/api/packages", burst, t.token());
        assertThat(bursty.text("rateLimit")).isEqualTo("1024k/4096k 2048k/8192k 768k/3072k 8/8");
        assertThat(bursty.text("currency")).isEqualTo("KES");
        var duplicate = api().post("/api/packages", pkg("bursty"), t.token());
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().path("errors").get(0).path("field").asString())
                .as("a form can show it at the name").isEqualTo("name");
        assertThat(api().post("/api/packages", json("type", "hotspot", "name", "X", "price", 1, "durationValue", 1,
                "durationUnit", "days", "uploadKbps", 1, "downloadKbps", 1, "nasIds",
                List.of(java.util.UUID.randomUUID())), t.token()).body().path("errors").get(0).path("field")
                .asString()).isEqualTo("nasIds");

        String unused = create(t, pkg("Unused"));
        String used = create(t, pkg("Used"));
        assertThat(api().get("/api/packages?q=US&size=1", t.token()).body().path("hasMore").asBoolean()).isTrue();
        assertThat(api().post("/api/subscribers", json("kind", "hotspot", "phone", "0700111222", "packageId", used),
                t.token()).status()).isEqualTo(201);
        assertThat(api().send("DELETE", "/api/packages/" + unused, null, t.token(), Map.of()).text("outcome"))
                .isEqualTo("deleted");
        assertThat(api().get("/api/packages/" + unused, t.token()).status()).isEqualTo(404);
        assertThat(api().send("DELETE", "/api/packages/" + used, null, t.token(), Map.of()).text("outcome"))
                .isEqualTo("archived");
        assertThat(api().get("/api/packages/" + used, t.token()).text("archivedAt")).isNotBlank();
        assertThat(api().get("/api/packages", t.token()).body().path("items").findValuesAsString("name"))
                .containsExactly("Bursty");
        assertThat(api().send("PUT", "/api/packages/" + used, pkg("Used"), t.token(), Map.of()).status())
                .isEqualTo(409);
        assertThat(api().post("/api/subscribers", json("kind", "hotspot", "phone", "0700111333", "packageId", used),
                t.token()).body().path("errors").get(0).path("field").asString()).isEqualTo("packageId");
    }

    @Test
    void subscribersRoundTripThroughCsvAndABadRowImportsNothing() {
        var a = registerTenant("hca");
        var b = registerTenant("hcb");
        String pa = create(a, pkg("Three hours"));
        create(b, pkg("Three hours"));
        assertThat(api().post("/api/subscribers", json("kind", "hotspot", "phone", "0711000001", "packageId", pa,
                "macAddress", "aabbccddeeff"), a.token()).status()).isEqualTo(201);
        String monthly = create(a, json("type", "pppoe", "name", "Monthly", "price", 1000, "durationValue", 1,
                "durationUnit", "months", "uploadKbps", 2000, "downloadKbps", 5000));
        create(b, json("type", "pppoe", "name", "Monthly", "price", 1000, "durationValue", 1,
                "durationUnit", "months", "uploadKbps", 2000, "downloadKbps", 5000));
        assertThat(api().post("/api/subscribers", json("kind", "pppoe", "accountNumber", "A1", "packageId", monthly,
                "staticIp", "10.0.0.7"), a.token()).status()).isEqualTo(201);
        // an account number typed in another case pays the account; a second account differing only in case is refused
        var lowerCase = api().post("/api/payments/cash", json("amount", 1000, "purpose", "PPPOE_BILL", "reference", "a1"),
                a.token());
        assertThat(lowerCase.text("status")).as(lowerCase.body().toString()).isEqualTo("settled");
        var twin = api().post("/api/subscribers", json("kind", "pppoe", "accountNumber", "a1", "packageId", monthly),
                a.token());
        assertThat(twin.status()).isEqualTo(409);
        assertThat(twin.body().path("errors").get(0).path("field").asString()).isEqualTo("accountNumber");
        // a phone is found however it is typed
        for (String typed : List.of("0711000001", "+254 711 000 001", "711000001")) {
            assertThat(api().get("/api/subscribers?q=" + java.net.URLEncoder.encode(typed,
                    java.nio.charset.StandardCharsets.UTF_8), a.token()).body().path("items")
                    .findValuesAsString("username")).as(typed).containsExactly("254711000001");
        }
        // what would sell something that cannot be paid for, or give access without limits, is refused
        var wrongKind = api().post("/api/subscribers", json("kind", "hotspot", "phone", "0711000002", "packageId",
                monthly), a.token());
        assertThat(wrongKind.status()).isEqualTo(400);
        assertThat(wrongKind.body().toString()).contains("is a pppoe package");
        assertThat(api().post("/api/subscribers", json("kind", "pppoe", "accountNumber", "A2", "packageId", pa),
                a.token()).status()).isEqualTo(400);
        var unlimited = api().post("/api/subscribers", json("kind", "hotspot", "phone", "0711000003"), a.token());
        assertThat(unlimited.status()).isEqualTo(400);
        assertThat(unlimited.body().toString()).contains("online for free");
        assertThat(api().post("/api/vouchers/batches", json("packageId", monthly, "count", 1), a.token()).status())
                .as("vouchers are redeemed on the hotspot").isEqualTo(400);
        var cents = api().post("/api/packages", json("type", "hotspot", "name", "Odd", "price", 25.5,
                "durationValue", 1, "durationUnit", "hours", "uploadKbps", 512, "downloadKbps", 512), a.token());
        assertThat(cents.status()).isEqualTo(400);
        assertThat(cents.body().toString()).contains("whole shillings");
        var exported = api().get("/api/subscribers/export.csv", a.token());
        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.contentType()).startsWith("text/csv");
        String csv = exported.raw().body();
        assertThat(csv.lines().count()).isEqualTo(3);

        String withBadRow = csv + "hotspot,,not-a-phone,,,,Three hours,,,,,0\r\n";
        var refused = importCsv(b, withBadRow);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().path("errors").get(0).path("line").asInt()).isEqualTo(4);
        assertThat(refused.body().path("errors").get(0).path("field").asString()).isEqualTo("phone");
        assertThat(api().get("/api/subscribers", b.token()).body().path("items").size()).isZero();

        var imported = importCsv(b, csv);
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
        assertThat(imported.body().path("imported").asInt()).isEqualTo(2);
        String reExported = api().get("/api/subscribers/export.csv", b.token()).raw().body();
        assertThat(reExported.lines().toList()).containsExactlyInAnyOrderElementsOf(csv.lines().toList());
        assertThat(importCsv(b, csv).status()).isEqualTo(422); // already there
    }

    Api.Response importCsv(TestTenant t, String csv) {
        return api().send("POST", "/api/subscribers/import", csv, t.token(), Map.of("Content-Type", "text/csv"));
    }

    @Test
    void voucherBatchesHaveUniqueUnambiguousCodesAndFiftyConcurrentRedemptionsSucceedOnce() throws Exception {
        var t = registerTenant("hvb");
        api().send("PUT", "/api/tenant/branding", json("displayName", "Acme <WiFi>"), t.token(), Map.of());
        String p = create(t, pkg("Voucher 3h"));
        var batch = api().post("/api/vouchers/batches", json("packageId", p, "count", 3000, "prefix", "AC",
                "codeLength", 6), t.token());
        assertThat(batch.status()).as(batch.body().toString()).isEqualTo(201);
        String id = batch.text("id");
        var codes = new java.util.ArrayList<String>();
        for (int page = 0; ; page++) { // the codes are paged, 200 at most a page
            var answer = api().get("/api/vouchers/batches/" + id + "/codes?size=200&page=" + page, t.token()).body();
            codes.addAll(answer.path("items").findValuesAsString("code"));
            if (!answer.path("hasMore").asBoolean()) {
                break;
            }
        }
        assertThat(codes).hasSize(3000).allMatch(c -> c.matches("AC[" + Codes.VOUCHER_ALPHABET + "]{6}"));
        assertThat(new HashSet<>(codes)).hasSize(3000);
        String wanted = codes.get(1234);
        var found = api().get("/api/vouchers/batches/" + id + "/codes?q=" + wanted.toLowerCase(), t.token()).body();
        assertThat(found.path("items").findValuesAsString("code")).containsExactly(wanted);
        assertThat(api().get("/api/vouchers/batches/" + id + "/codes?size=201", t.token()).status()).isEqualTo(400);
        assertThat(api().post("/api/vouchers/batches", json("packageId", p, "count", 10_001), t.token()).status())
                .isEqualTo(400);

        var sheet = api().get("/api/vouchers/batches/" + id + "/sheet", t.token());
        assertThat(sheet.contentType()).startsWith("text/html");
        assertThat(sheet.raw().body()).contains("Acme &lt;WiFi&gt;", codes.getFirst(), "Voucher 3h", "KES 20.00",
                "3 hours", "size: A4");
        assertThat(api().get("/api/vouchers/batches/" + id + "/export.csv", t.token()).raw().body().lines().count())
                .isEqualTo(3001);

        String code = codes.get(7);
        var start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(50)) {
            for (int i = 0; i < 50; i++) {
                String phone = String.format("07%08d", i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return api().post("/api/vouchers/redeem", json("code", code, "phone", phone), t.token()).status();
                }));
            }
            start.countDown();
        }
        List<Integer> statuses = new ArrayList<>();
        for (var answer : answers) {
            statuses.add(answer.get());
        }
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(49);
        assertThat(api().get("/api/subscribers", t.token()).body().path("items").size()).isEqualTo(1);

        assertThat(api().send("DELETE", "/api/vouchers/batches/" + id, null, t.token(), Map.of()).status())
                .isEqualTo(409);
        assertThat(api().post("/api/vouchers/batches/" + id + "/disable", null, t.token()).text("status"))
                .isEqualTo("disabled");
        var disabled = api().post("/api/vouchers/redeem", json("code", codes.get(8), "phone", "0799000000"), t.token());
        assertThat(disabled.status()).isEqualTo(409);
        assertThat(disabled.contentType()).startsWith("application/problem+json");
        var past = api().post("/api/vouchers/batches", json("packageId", p, "count", 1,
                "expiresAt", "2020-01-01T00:00:00Z"), t.token());
        assertThat(past.status()).as("a batch that is dead on arrival").isEqualTo(400);
        assertThat(past.body().toString()).contains("expiresAt", "in the past");
        var expired = api().post("/api/vouchers/batches", json("packageId", p, "count", 1,
                "expiresAt", java.time.Instant.now().plusSeconds(1).toString()), t.token());
        assertThat(expired.status()).as(expired.body().toString()).isEqualTo(201);
        Thread.sleep(1500);
        String expiredCode = api().get("/api/vouchers/batches/" + expired.text("id") + "/codes", t.token()).body()
                .path("items").get(0).path("code").asString();
        assertThat(api().post("/api/vouchers/redeem", json("code", expiredCode, "phone", "0799000000"), t.token())
                .status()).isEqualTo(410);
        assertThat(api().post("/api/vouchers/redeem", json("code", "NOSUCHCODE", "phone", "0799000000"), t.token())
                .status()).isEqualTo(404);
        assertThat(api().send("DELETE", "/api/vouchers/batches/" + expired.text("id"), null, t.token(), Map.of())
                .status()).isEqualTo(204);
    }

    @Test
    void aTenantCannotReachAnotherTenantsPackagesSubscribersOrVouchers() {
        var a = registerTenant("hia");
        var b = registerTenant("hib");
        String p = create(b, pkg("B only"));
        String s = api().post("/api/subscribers", json("kind", "hotspot", "phone", "0744000111", "packageId", p),
                b.token()).body().path("subscriber").path("id").asString();
        String batch = api().post("/api/vouchers/batches", json("packageId", p, "count", 1), b.token()).text("id");
        String code = api().get("/api/vouchers/batches/" + batch + "/codes", b.token()).body().path("items").get(0)
                .path("code").asString();

        List<String[]> calls = List.of(
                new String[]{"GET", "/api/packages/" + p}, new String[]{"PUT", "/api/packages/" + p},
                new String[]{"DELETE", "/api/packages/" + p},
                new String[]{"GET", "/api/subscribers/" + s}, new String[]{"PATCH", "/api/subscribers/" + s},
                new String[]{"POST", "/api/subscribers/" + s + "/block"},
                new String[]{"POST", "/api/subscribers/" + s + "/unblock"},
                new String[]{"GET", "/api/subscribers/" + s + "/history"},
                new String[]{"DELETE", "/api/subscribers/" + s},
                new String[]{"GET", "/api/vouchers/batches/" + batch},
                new String[]{"GET", "/api/vouchers/batches/" + batch + "/codes"},
                new String[]{"GET", "/api/vouchers/batches/" + batch + "/export.csv"},
                new String[]{"GET", "/api/vouchers/batches/" + batch + "/sheet"},
                new String[]{"POST", "/api/vouchers/batches/" + batch + "/disable"},
                new String[]{"POST", "/api/vouchers/batches/" + batch + "/enable"},
                new String[]{"DELETE", "/api/vouchers/batches/" + batch});
        for (String[] call : calls) {
            Object body = switch (call[0]) {
                case "PUT" -> pkg("Stolen");
                case "PATCH" -> json("macAddress", "");
                default -> null;
            };
            var answer = api().send(call[0], call[1], body, a.token(), Map.of());
            assertThat(answer.status()).as(call[0] + " " + call[1]).isEqualTo(404);
        }
        assertThat(api().post("/api/vouchers/redeem", json("code", code, "phone", "0744000999"), a.token()).status())
                .isEqualTo(404);
        assertThat(api().post("/api/vouchers/batches", json("packageId", p, "count", 1), a.token()).status())
                .isEqualTo(400);
        assertThat(api().post("/api/subscribers", json("kind", "hotspot", "phone", "0744000111", "packageId", p),
                a.token()).status()).isEqualTo(400);
        assertThat(api().get("/api/packages", a.token()).body().path("items").size()).isZero();
        assertThat(api().get("/api/subscribers", a.token()).body().path("items").size()).isZero();
        assertThat(api().get("/api/vouchers/batches", a.token()).body().path("items").size()).isZero();
        assertThat(api().get("/api/subscribers/export.csv", a.token()).raw().body().lines().count()).isEqualTo(1);
        // and B's data is untouched
        assertThat(api().get("/api/subscribers/" + s, b.token()).text("status")).isEqualTo("active");
        assertThat(api().get("/api/vouchers/batches/" + batch, b.token()).text("status")).isEqualTo("enabled");
        assertThat(api().get("/api/packages/" + p, b.token()).text("name")).isEqualTo("B only");
    }
}
