package com.traidnet.wificore.web;

import com.traidnet.wificore.radius.RadiusTestSupport;
import com.traidnet.wificore.radius.coa.PyradNas;
import com.traidnet.wificore.support.MpesaSimulator;
import com.traidnet.wificore.support.NodeScripts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.traidnet.wificore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The web app end to end in headless Chromium (Debian's {@code chromium}, driven by playwright-core from
 * {@code src/test/node/web/e2e.mjs}): sign in, create a package, generate vouchers and open their print
 * sheet, see a radclient accounting Start appear on the dashboard without reload, disconnect it from the UI
 * (the pyrad NAS stand-in receives the Disconnect-Request), see a simulated M-Pesa payment arrive live, and
 * a tenant-A operator fail to reach tenant B; register a water dispenser and a customer in the UI, top the customer up,
 * and see a dispense signed with the key the page showed appear live and on the customer's statement. Screenshots at 360×740 and 1280×800 go to target/screenshots.
 */
class WebAppIT extends RadiusTestSupport {

    private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
    private static final String SESSION_USER = "e2e-user";
    private static final String NEW_PASSWORD = "changed-in-the-browser-1";

    @BeforeAll
    static void prerequisites() throws InterruptedException {
        assumeTrue(Files.isExecutable(Path.of(CHROMIUM)), "chromium is not installed at " + CHROMIUM
                + " (Debian: apt-get install chromium; .ci/run installs it): the browser end-to-end test is skipped");
        assumeTrue(WebAppIT.class.getResource("/web/index.html") != null,
                "the web app is not built (-Dfrontend.skip): nothing to test in a browser");
        PyradNas.requirePyrad();
    }

    @Test
    void operatorJourneyInHeadlessChromium() throws Exception {
        String secret = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        Path signals = Files.createTempDirectory("web-e2e-signals");
        try (PyradNas router = PyradNas.start(secret, "ack")) {
            Nas nas = tenantWithNas("web_a", secret, true, router.address().getPort());
            TestTenant a = nas.tenant();
            String shortcode = MpesaSimulator.configure(api(), a.token());
            // a PPPoE account for the paybill payment to settle against
            String pppoePackage = created(api().post("/api/packages", json("type", "pppoe", "name", "Home 10M",
                    "price", 777, "durationValue", 1, "durationUnit", "months", "uploadKbps", 10240,
                    "downloadKbps", 10240), a.token())).path("id").asString();
            created(api().post("/api/subscribers", json("kind", "pppoe", "accountNumber", "E2E-ACC",
                    "packageId", pppoePackage), a.token()));
            String operatorEmail = "operator@" + a.slug() + ".test";
            created(api().post("/api/staff", json("email", operatorEmail, "name", "Op", "password", PASSWORD,
                    "roles", List.of("operator")), a.token()));

            TestTenant b = registerTenant("web_b");
            String bPackageName = "B-only package " + b.slug();
            String bPackage = created(api().post("/api/packages", json("type", "hotspot", "name", bPackageName,
                    "price", 5, "durationValue", 1, "durationUnit", "hours", "uploadKbps", 512,
                    "downloadKbps", 512), b.token())).path("id").asString();
            JsonNode bSubscriber = created(api().post("/api/subscribers", json("kind", "hotspot",
                    "phone", "0799000111", "packageId", bPackage), b.token())).path("subscriber");

            Path screenshots = Path.of("target/screenshots").toAbsolutePath();
            Map<String, String> env = new HashMap<>(Map.ofEntries(
                    Map.entry("BASE_URL", "http://127.0.0.1:" + port), Map.entry("CHROMIUM", CHROMIUM),
                    Map.entry("SCREENSHOTS", screenshots.toString()), Map.entry("SIGNAL_DIR", signals.toString()),
                    Map.entry("A_EMAIL", a.adminEmail()), Map.entry("PASSWORD", PASSWORD),
                    Map.entry("OPERATOR_EMAIL", operatorEmail), Map.entry("PACKAGE_NAME", "E2E hour"),
                    Map.entry("SESSION_USER", SESSION_USER), Map.entry("PAYMENT_AMOUNT_TEXT", "KES 777"),
                    Map.entry("B_SUBSCRIBER_ID", bSubscriber.path("id").asString()),
                    Map.entry("B_USERNAME", bSubscriber.path("username").asString()),
                    Map.entry("B_SLUG", b.slug()), Map.entry("B_TENANT_ID", b.id()),
                    Map.entry("B_PACKAGE_NAME", bPackageName), Map.entry("KIOSK_NAME", "E2E kiosk"),
                    Map.entry("WATER_CUSTOMER", "Wanjiku E2E"), Map.entry("WATER_CARD", "E2E-CARD-1"),
                    Map.entry("CASH_PHONE", "254712000333"), Map.entry("EDIT_MAC", "AA:BB:CC:DD:EE:01"),
                    Map.entry("NEW_PASSWORD", NEW_PASSWORD)));

            try (var script = NodeScripts.startIn("web", "e2e.mjs", env, Duration.ofSeconds(150))) {
                script.awaitLine(j -> "dashboard-live".equals(j.path("step").asString()));
                var start = acct(nas, "Acct-Status-Type = Start\nAcct-Session-Id = \"e2e-0001\"\nUser-Name = "
                        + SESSION_USER + "\nNAS-IP-Address = 127.0.0.1\nFramed-IP-Address = 10.9.0.7\n"
                        + "Calling-Station-Id = \"AA-BB-CC-00-11-22\"\n");
                assertThat(start.code()).as(start.output()).isEqualTo("Accounting-Response");
                Files.createFile(signals.resolve("session-started"));

                script.awaitLine(j -> "disconnect-clicked".equals(j.path("step").asString()));
                JsonNode dm = router.nextRequest(Duration.ofSeconds(10));
                assertThat(dm.path("codeName").asString()).isEqualTo("Disconnect-Request");
                assertThat(dm.path("attributes").path("User-Name").get(0).asString()).isEqualTo(SESSION_USER);
                assertThat(dm.path("attributes").path("Framed-IP-Address").get(0).asString()).isEqualTo("10.9.0.7");

                script.awaitLine(j -> "await-payment".equals(j.path("step").asString()));
                MpesaSimulator.payBill(api(), shortcode, "E2E-ACC", "777");
                Files.createFile(signals.resolve("paid"));

                // the dispenser registered in the browser reports one dispense, signed with the key the page showed
                JsonNode ready = script.awaitLine(j -> "water-ready".equals(j.path("step").asString()));
                String body = "{\"dispenses\":[{\"seq\":1,\"card\":\"E2E-CARD-1\",\"litres\":5,\"amount\":10,"
                        + "\"startedAt\":\"" + java.time.Instant.now().minusSeconds(60) + "\"}]}";
                var dispensed = api().send("POST", "/api/devices/v1/dispenses", body, null, SignedDevice.headers(
                        ready.path("deviceId").asString(), ready.path("deviceKey").asString(),
                        "/api/devices/v1/dispenses", body));
                assertThat(dispensed.status()).as(dispensed.body().toString()).isEqualTo(200);
                Files.createFile(signals.resolve("dispensed"));

                JsonNode result = script.await().requireOk();
                assertThat(result.path("nameError").asString()).as("the API's field error next to the field")
                        .isNotBlank();
                assertThat(result.path("codes").asInt()).isEqualTo(24);
                assertThat(result.path("sheetHasCode").asBoolean()).isTrue();
                assertThat(result.path("sameDocument").asString()).as("the session appeared without a reload")
                        .isEqualTo("same document");
                assertThat(result.path("stillSameDocument").asString()).isEqualTo("same document");
                assertThat(result.path("paymentText").asString()).contains("KES 777");
                assertThat(result.path("subscriberPayment").asString()).as("the account's payments tab")
                        .contains("KES 777", "settled");
                assertThat(result.path("receiptText").asString()).as("the payment's printed receipt")
                        .contains("Payment receipt", "Internet bill, account E2E-ACC (Home 10M)", "KES 777");
                assertThat(result.path("leakedOnPage").asBoolean()).isFalse();
                assertThat(result.path("direct").asInt()).as("B's subscriber by id").isEqualTo(404);
                assertThat(result.path("packagesSeenViaXTenant").asInt()).as("X-Tenant is ignored for staff").isZero();
                assertThat(result.path("channel").asInt()).as("B's real-time channel").isEqualTo(403);
                assertThat(result.path("platform").asInt()).isEqualTo(403);
                assertThat(result.path("serviceWorker").asBoolean()).isTrue();
                assertThat(result.path("dispenseRow").asString()).contains("E2E kiosk", "Wanjiku E2E", "5 L");
                assertThat(result.path("statementRows").asInt()).as("the cash top-up and the dispense").isEqualTo(2);
                assertThat(result.path("waterReportRow").asString()).as("day, dispenser, dispenses, litres, revenue")
                        .contains("E2E kiosk", "KES 10");
                // Record payment: cash for the hotspot package, its price prefilled, the API's error by the field
                assertThat(result.path("prefilledAmount").asString()).as("the package's price").isEqualTo("10");
                assertThat(result.path("amountError").asString()).as("a zero amount, refused by the API").isNotBlank();
                assertThat(result.path("cashReceipt").asString()).startsWith("CASH-");
                assertThat(result.path("cashRow").asString()).as("the new payment in the list")
                        .contains("KES 10", "cash", "254712000333", result.path("cashReceipt").asString(), "settled");
                assertThat(result.path("cashReceiptLink").asString()).endsWith("/receipt");
                JsonNode cash = api().get("/api/payments?q=" + result.path("cashReceipt").asString(), a.token()).body()
                        .path("items").get(0);
                assertThat(cash.path("method").asString()).isEqualTo("cash");
                assertThat(cash.path("purpose").asString()).isEqualTo("HOTSPOT_PACKAGE");
                assertThat(cash.path("status").asString()).isEqualTo("settled");
                // Edit subscriber: a bad MAC refused by the field, then MAC and expiry saved and shown; then deleted
                assertThat(result.path("macError").asString()).as("the API's error for a bad MAC").isNotBlank();
                assertThat(result.path("editedMac").asString()).isEqualTo("AA:BB:CC:DD:EE:01");
                assertThat(result.path("editedExpires").asString()).contains("Jan 2030", "03:04");
                assertThat(api().get("/api/subscribers/" + result.path("editedId").asString(), a.token()).status())
                        .as("deleted from its page").isEqualTo(404);
                // Change password: a wrong current one refused by its field, then the new one signs in
                assertThat(result.path("currentPasswordError").asString()).contains("not correct");
                assertThat(result.path("passwordChanged").asBoolean()).isTrue();
                assertThat(api().post("/api/auth/login", json("email", operatorEmail, "password", NEW_PASSWORD), null)
                        .status()).as("the operator signs in with the new password").isEqualTo(200);
                assertThat(result.path("consoleErrors")).as("uncaught errors in the page").isEmpty();
                assertThat(result.path("phoneOverflow")).as("pages wider than a 360 px phone").isEmpty();
                // what the settings page saved
                assertThat(api().get("/api/messaging/sms", a.token()).body().path("provider").asString()).isEqualTo("off");
                assertThat(api().get("/api/tenant", a.token()).body().path("timeZone").asString())
                        .isEqualTo("Africa/Nairobi");
            }
            for (String shot : List.of("desktop-dashboard", "phone-dashboard", "phone-subscribers", "voucher-sheet",
                    "desktop-offline", "desktop-water-transactions", "desktop-water-statement", "receipt")) {
                assertThat(screenshots.resolve(shot + ".png")).exists();
            }
        }
    }

    private static JsonNode created(com.traidnet.wificore.support.Api.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body();
    }
}
