package com.traidnet.wificore.portal;

import com.traidnet.wificore.radius.RadiusTestSupport;
import com.traidnet.wificore.support.Api;
import com.traidnet.wificore.support.MpesaSimulator;
import com.traidnet.wificore.support.PortalForms;
import com.traidnet.wificore.support.Radclient;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.traidnet.wificore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The captive portal as a phone uses it, over real HTTP: the NAS's redirect parameters, the
 * package list, paying through the built-in Daraja simulator or redeeming a voucher, the
 * auto-login form aimed at the NAS — and radclient then logging in with what that form carries.
 */
@TestPropertySource(properties = "wificore.billing.simulator.callback-delay=PT0.3S")
class PortalIT extends RadiusTestSupport {

    private static final String NAS_LOGIN = PortalForms.NAS_LOGIN;
    private static final Pattern PASSWORD = Pattern.compile("name=\"password\" value=\"([^\"]*)\"");
    private static final Pattern USERNAME = Pattern.compile("name=\"username\" value=\"([^\"]*)\"");

    private static Map<String, String> redirect() {
        return PortalForms.redirect("AA:BB:CC:11:22:33");
    }

    private Api.Response post(String path, Map<String, String> fields) {
        return PortalForms.post(api(), path, fields);
    }

    private String packageId(Nas nas, String name, int price, boolean visible) {
        var created = api().post("/api/packages", json("type", "hotspot", "name", name, "price", price,
                "durationValue", 2, "durationUnit", "hours", "uploadKbps", 1024, "downloadKbps", 3072,
                "visibility", visible ? "public" : "hidden"), nas.tenant().token());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.text("id");
    }

    private void configureMpesa(Nas nas) {
        MpesaSimulator.configure(api(), nas.tenant().token());
    }

    private Radclient.Reply login(Nas nas, String html) {
        return auth(nas, "User-Name = \"" + group(USERNAME, html) + "\"\nUser-Password = \"" + group(PASSWORD, html)
                + "\"\nCalling-Station-Id = \"AA-BB-CC-11-22-33\"\n");
    }

    private static String group(Pattern p, String html) {
        Matcher m = p.matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return m.group(1);
    }

    @Test
    void theLandingPageIsSmallBrandedAndListsOnlyPublicPackages() {
        Nas nas = tenantWithNas("portal_land", true);
        configureMpesa(nas);
        api().send("PUT", "/api/tenant/branding", json("displayName", "Mama Mboga <WiFi>", "primaryColor",
                "#12ab34"), nas.tenant().token(), Map.of());
        packageId(nas, "Two hours", 20, true);
        packageId(nas, "Staff only", 1, false);
        String query = "?" + PortalForms.encode(redirect());
        var page = api().get("/portal/" + nas.tenant().slug() + query, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        String html = page.raw().body();
        assertThat(html).contains("Mama Mboga &lt;WiFi&gt;", "#12ab34", "Two hours", "KES 20", "3 Mbit/s",
                "name=\"link-login-only\" value=\"" + NAS_LOGIN + "\"").doesNotContain("Staff only", "<WiFi>");
        assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThan(100_000);
        assertThat(html).doesNotContain("<script src"); // no bundle: works before the device has internet

        assertThat(api().get("/portal/no_such_hotspot", null).status()).isEqualTo(404);
        var hostile = api().get("/portal/" + nas.tenant().slug() + "?link-login-only=javascript:alert(1)", null);
        assertThat(hostile.status()).isEqualTo(400);
        assertThat(hostile.raw().body()).contains("link-login-only").doesNotContain("action=\"javascript");
    }

    @Test
    void payingByMpesaLogsTheDeviceInThroughTheNas() {
        Nas nas = tenantWithNas("portal_pay", true);
        configureMpesa(nas);
        String pkg = packageId(nas, "Two hours", 20, true);
        var fields = redirect();
        fields.put("packageId", pkg);
        fields.put("phone", "0712 555 123");
        var started = post("/portal/" + nas.tenant().slug() + "/pay", fields);
        assertThat(started.status()).as(started.raw().body()).isEqualTo(303);
        String waitPage = started.raw().headers().firstValue("Location").orElseThrow();
        assertThat(waitPage).contains("link-login-only=");

        String html = awaitLoginPage(waitPage);
        assertThat(html).contains("action=\"" + NAS_LOGIN + "\"", "name=\"dst\" value=\"http://example.com/\"",
                "document.forms.login.submit()");
        var reply = login(nas, html);
        assertThat(reply.accepted()).as(reply.output()).isTrue();
        assertThat(reply.first("Mikrotik-Rate-Limit")).isEqualTo("1024k/3072k");

        // another tenant's portal does not know this payment
        Nas other = tenantWithNas("portal_pay_b", true);
        String id = waitPage.replaceAll(".*/payments/([^?]+).*", "$1");
        assertThat(api().get("/portal/" + other.tenant().slug() + "/payments/" + id, null).status()).isEqualTo(404);
        assertThat(api().get("/portal/" + other.tenant().slug() + "/payments/" + id + "/status", null).status())
                .isEqualTo(404);
    }

    private String awaitLoginPage(String waitPage) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            var page = api().get(waitPage, null);
            assertThat(page.status()).isEqualTo(200);
            if (!page.raw().body().contains("Waiting for M-Pesa")) {
                return page.raw().body();
            }
            sleep(200);
        }
        throw new AssertionError("the payment did not settle within 20 s");
    }

    @Test
    void aVoucherLogsInOnceAndOnlyAtItsOwnTenant() {
        Nas nas = tenantWithNas("portal_vch", true);
        String pkg = packageId(nas, "Voucher hour", 10, false); // vouchers may sell hidden packages
        String batch = api().post("/api/vouchers/batches", json("packageId", pkg, "count", 1), nas.tenant().token())
                .text("id");
        String code = api().get("/api/vouchers/batches/" + batch + "/codes", nas.tenant().token()).body()
                .findValuesAsString("code").getFirst();

        Nas other = tenantWithNas("portal_vch_b", true);
        var fields = redirect();
        fields.put("code", code.toLowerCase());
        fields.put("phone", "0722000111");
        var foreign = post("/portal/" + other.tenant().slug() + "/voucher", fields);
        assertThat(foreign.status()).isEqualTo(404);

        var redeemed = post("/portal/" + nas.tenant().slug() + "/voucher", fields);
        assertThat(redeemed.status()).as(redeemed.raw().body()).isEqualTo(200);
        var reply = login(nas, redeemed.raw().body());
        assertThat(reply.accepted()).as(reply.output()).isTrue();

        var again = post("/portal/" + nas.tenant().slug() + "/voucher", fields);
        assertThat(again.status()).isEqualTo(409);
        // a second voucher for the same number extends it, but the page shows no password: anyone can type a number
        String second = api().get("/api/vouchers/batches/" + api().post("/api/vouchers/batches",
                json("packageId", pkg, "count", 1), nas.tenant().token()).text("id") + "/codes", nas.tenant().token())
                .body().findValuesAsString("code").getFirst();
        String firstPassword = group(PASSWORD, redeemed.raw().body());
        var stranger = post("/portal/" + nas.tenant().slug() + "/voucher", new java.util.HashMap<>(Map.of(
                "code", second, "phone", "0722000111")));
        assertThat(stranger.status()).as(stranger.raw().body()).isEqualTo(200);
        assertThat(stranger.raw().body()).contains("Added to the account of 254722000111")
                .doesNotContain(firstPassword);
        assertThat(again.raw().body()).contains("already redeemed");

        fields.remove("phone");
        assertThat(post("/portal/" + nas.tenant().slug() + "/voucher", fields).status()).isEqualTo(400);
    }

    @Test
    void badPurchasesAreRefusedWithAReadablePage() {
        Nas nas = tenantWithNas("portal_bad", true);
        configureMpesa(nas);
        String hidden = packageId(nas, "Hidden", 5, false);
        Nas other = tenantWithNas("portal_bad_b", true);
        String foreign = packageId(other, "Foreign", 5, true);
        for (String pkg : new String[] {hidden, foreign, "not-a-uuid"}) {
            var fields = redirect();
            fields.put("packageId", pkg);
            fields.put("phone", "0712000001");
            var refused = post("/portal/" + nas.tenant().slug() + "/pay", fields);
            assertThat(refused.status()).as(pkg).isIn(400, 404);
            assertThat(refused.contentType()).startsWith("text/html");
        }
        var fields = redirect();
        fields.put("packageId", packageId(nas, "Visible", 5, true));
        fields.put("phone", "not a phone");
        var badPhone = post("/portal/" + nas.tenant().slug() + "/pay", fields);
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.raw().body()).contains("phone");
    }

    @Test
    void aSecondPromptToTheSamePhoneWaitsForTheFirst() {
        Nas nas = tenantWithNas("portal_twice", true);
        configureMpesa(nas);
        var fields = redirect();
        fields.put("packageId", packageId(nas, "Hour", 10, true));
        fields.put("phone", "0712340000"); // ...0000: the simulator holds the callback, so the first stays pending
        assertThat(post("/portal/" + nas.tenant().slug() + "/pay", fields).status()).isEqualTo(303);
        var again = post("/portal/" + nas.tenant().slug() + "/pay", fields);
        assertThat(again.status()).isEqualTo(429);
        assertThat(again.raw().body()).contains("prompt was just sent");
        fields.put("phone", "0712340001"); // another phone is not held up
        assertThat(post("/portal/" + nas.tenant().slug() + "/pay", fields).status()).isEqualTo(303);

        // eight at once for a third phone: the check and the new payment are one locked step, so one prompt only
        fields.put("phone", "0712350000");
        var statuses = new java.util.concurrent.ConcurrentLinkedQueue<Integer>();
        var start = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                pool.submit(() -> {
                    start.await();
                    statuses.add(post("/portal/" + nas.tenant().slug() + "/pay", new java.util.HashMap<>(fields)).status());
                    return null;
                });
            }
            start.countDown();
        }
        assertThat(statuses).hasSize(8).filteredOn(st -> st == 303).hasSize(1);
        assertThat(statuses).filteredOn(st -> st == 429).hasSize(7);
    }

    /**
     * A hotspot with MikroTik's default "Login By: HTTP CHAP": its login.html passes {@code $(chap-id)} and
     * {@code $(chap-challenge)} (octal escapes); the portal posts hex(MD5(id ‖ password ‖ challenge)) instead of
     * the password, and radclient — sending what the router would, CHAP-Password = id ‖ digest with the
     * challenge — is accepted. The digest is checked here against the JDK's MD5, not the portal's code.
     */
    @Test
    void anHttpChapHotspotGetsTheDigestNeverThePassword() throws Exception {
        Nas nas = tenantWithNas("portal_chap", true);
        String pkg = packageId(nas, "Chap hour", 10, false);
        var subscriber = api().post("/api/subscribers", json("kind", "hotspot", "phone", "0722000333", "password",
                "chap-pass-77", "expiresAt", "2020-01-01T00:00:00Z"), nas.tenant().token());
        assertThat(subscriber.status()).as(subscriber.body().toString()).isEqualTo(201);
        String batch = api().post("/api/vouchers/batches", json("packageId", pkg, "count", 1), nas.tenant().token())
                .text("id");
        String code = api().get("/api/vouchers/batches/" + batch + "/codes", nas.tenant().token()).body()
                .findValuesAsString("code").getFirst();

        // MikroTik's example values: chap-id \371, a 16-byte challenge
        String chapId = "\\371";
        String challenge = "\\357\\015\\330\\013\\021\\234\\145\\245\\303\\253\\142\\246\\133\\175\\375\\316";
        byte[] challengeBytes = HexFormat.of().parseHex("ef0dd80b119c65a5c3ab62a65b7dfdce");
        var landing = api().get("/portal/" + nas.tenant().slug() + "?" + PortalForms.encode(Map.of("link-login-only",
                NAS_LOGIN, "chap-id", chapId, "chap-challenge", challenge)), null);
        assertThat(landing.status()).as(landing.raw().body()).isEqualTo(200);
        // carried to the next step as hex
        assertThat(landing.raw().body()).contains("name=\"chap-id\" value=\"f9\"",
                "name=\"chap-challenge\" value=\"ef0dd80b119c65a5c3ab62a65b7dfdce\"");

        var fields = redirect();
        fields.put("chap-id", "f9");
        fields.put("chap-challenge", "ef0dd80b119c65a5c3ab62a65b7dfdce");
        fields.put("code", code);
        fields.put("phone", "0722000333");
        var redeemed = post("/portal/" + nas.tenant().slug() + "/voucher", fields);
        assertThat(redeemed.status()).as(redeemed.raw().body()).isEqualTo(200);
        // the number has an account: its password is never shown to whoever typed the number; its owner types it
        assertThat(redeemed.raw().body()).contains("Your WiFi password", "action=\"/portal/" + nas.tenant().slug()
                + "/login\"").doesNotContain("chap-pass-77", "name=\"password\" value=");
        fields.remove("code");
        fields.remove("phone");
        fields.put("username", "254722000333");
        fields.put("password", "chap-pass-77");
        var typed = post("/portal/" + nas.tenant().slug() + "/login", fields);
        assertThat(typed.status()).as(typed.raw().body()).isEqualTo(200);
        String html = typed.raw().body();
        assertThat(html).doesNotContain("chap-pass-77");
        String digest = group(PASSWORD, html);
        var md5 = java.security.MessageDigest.getInstance("MD5");
        md5.update((byte) 0xf9);
        md5.update("chap-pass-77".getBytes(StandardCharsets.UTF_8));
        md5.update(challengeBytes);
        assertThat(digest).isEqualTo(HexFormat.of().formatHex(md5.digest()));

        String username = group(USERNAME, html);
        var accepted = auth(nas, "User-Name = \"" + username + "\"\nCHAP-Password = 0xf9" + digest
                + "\nCHAP-Challenge = 0xef0dd80b119c65a5c3ab62a65b7dfdce\nCalling-Station-Id = \"AA-BB-CC-11-22-33\"\n");
        assertThat(accepted.accepted()).as(accepted.output()).isTrue();
        // the same digest with another challenge (a replay on another login) is refused
        var replayed = auth(nas, "User-Name = \"" + username + "\"\nCHAP-Password = 0xf9" + digest
                + "\nCHAP-Challenge = 0x00112233445566778899aabbccddeeff\nCalling-Station-Id = \"AA-BB-CC-11-22-33\"\n");
        assertThat(replayed.accepted()).as(replayed.output()).isFalse();

        // malformed CHAP variables are a readable 400, never a page that posts something the router refuses
        for (var bad : java.util.List.of(Map.of("chap-id", "f9"), Map.of("chap-id", "\\999", "chap-challenge", "ab"),
                Map.of("chap-id", "f9f9", "chap-challenge", "ab"), Map.of("chap-id", "f9", "chap-challenge", "xyz"))) {
            var refused = api().get("/portal/" + nas.tenant().slug() + "?" + PortalForms.encode(bad), null);
            assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
            assertThat(refused.raw().body()).as(bad.toString()).contains("chap-");
        }
    }

    /**
     * A free package (price 0) is a trial: no M-Pesa prompt (M-Pesa refuses KES 0), given at once, once per
     * phone and once per device; and a hotspot without M-Pesa set up offers only what needs no payment.
     */
    @Test
    void aFreeTrialIsGivenOncePerPhoneAndDeviceWithoutMpesa() {
        Nas nas = tenantWithNas("portal_trial", true);
        String trial = packageId(nas, "Free 10 minutes", 0, true);
        packageId(nas, "Two hours", 20, true);
        String landing = api().get("/portal/" + nas.tenant().slug() + "?" + PortalForms.encode(redirect()), null)
                .raw().body();
        assertThat(landing).contains("Free — Free 10 minutes", "Start free trial", "action=\"/portal/"
                + nas.tenant().slug() + "/trial\"").doesNotContain("Two hours", "Pay with M-Pesa");

        var fields = redirect(); // MAC AA:BB:CC:11:22:33
        fields.put("packageId", trial);
        fields.put("phone", "0712 777 001");
        var given = post("/portal/" + nas.tenant().slug() + "/trial", fields);
        assertThat(given.status()).as(given.raw().body()).isEqualTo(200);
        assertThat(given.raw().body()).contains("Free trial started", "Free 10 minutes");
        var reply = login(nas, given.raw().body());
        assertThat(reply.accepted()).as(reply.output()).isTrue();
        assertThat(reply.first("Session-Timeout")).isNotNull();

        var again = post("/portal/" + nas.tenant().slug() + "/trial", fields);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.raw().body()).contains("already has an account");
        fields.put("phone", "0712 777 002"); // another number, the same device
        assertThat(post("/portal/" + nas.tenant().slug() + "/trial", fields).status()).isEqualTo(409);
        fields.put("mac", "AA:BB:CC:11:22:44"); // another device: its own trial, through the pay form too
        var other = post("/portal/" + nas.tenant().slug() + "/pay", fields);
        assertThat(other.status()).as(other.raw().body()).isEqualTo(200);
        assertThat(other.raw().body()).contains("Free trial started");

        // a number that already has an account gets no trial: it would hand over that account and its password
        var owner = api().post("/api/subscribers", json("kind", "hotspot", "phone", "0712777009", "password",
                "owners-secret-1", "expiresAt", "2030-01-01T00:00:00Z"), nas.tenant().token());
        assertThat(owner.status()).isEqualTo(201);
        fields.put("phone", "+254 712 777 009");
        fields.put("mac", "AA:BB:CC:11:22:55");
        var takeover = post("/portal/" + nas.tenant().slug() + "/trial", fields);
        assertThat(takeover.status()).isEqualTo(409);
        assertThat(takeover.raw().body()).contains("already has an account").doesNotContain("owners-secret-1");
        assertThat(api().get("/api/subscribers/" + owner.body().path("subscriber").path("id").asString(),
                nas.tenant().token()).body().path("expiresAt").asString()).startsWith("2030-01-01");

        // a paid package is not on offer without M-Pesa, and cannot be bought by hand either
        String paid = packageId(nas, "One hour", 10, true);
        fields.put("packageId", paid);
        fields.put("phone", "0712 777 003");
        var refused = post("/portal/" + nas.tenant().slug() + "/pay", fields);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.raw().body()).contains("not available on this hotspot yet");
        assertThat(post("/portal/" + nas.tenant().slug() + "/trial", fields).status()).isEqualTo(400);

        // the trial is this tenant's: another tenant's portal does not know the package
        Nas other2 = tenantWithNas("portal_trial_b", true);
        fields.put("packageId", trial);
        assertThat(post("/portal/" + other2.tenant().slug() + "/trial", fields).status()).isEqualTo(404);
    }
}
