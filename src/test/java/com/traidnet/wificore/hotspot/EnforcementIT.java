package com.traidnet.wificore.hotspot;

import com.traidnet.wificore.billing.FulfilmentResult;
import com.traidnet.wificore.billing.SettledPayment;
import com.traidnet.wificore.radius.RadiusTestSupport;
import com.traidnet.wificore.radius.SessionControl;
import com.traidnet.wificore.radius.coa.PyradNas;
import com.traidnet.wificore.realtime.RealtimePublisher;
import com.traidnet.wificore.support.MutableClock;
import com.traidnet.wificore.support.Radclient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.traidnet.wificore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Enforcement end to end over real UDP: radclient is the NAS for auth and accounting, the pyrad
 * stand-in receives the Disconnect-Requests. The schedule is off in this context, so only the
 * sweeps the tests run act.
 */
@TestPropertySource(properties = {"wificore.hotspot.enforcement-every=0",
        "wificore.radius.coa.timeout=PT0.3S"}) // 3 attempts: an unanswered Disconnect-Request costs 0.9 s
class EnforcementIT extends RadiusTestSupport {

    static final String MAC = "AA:BB:CC:00:00:01";

    @Autowired
    HotspotFulfilment fulfilment; // the hotspot's own, now that water fulfils top-ups too
    @Autowired
    SessionControl sessionControl;
    @Autowired
    RealtimePublisher publisher;
    @Autowired
    Enforcement enforcement;

    /** The sweep as the job runs it, but at the time {@code clock} says. */
    Enforcement at(Clock clock) {
        return new Enforcement(gateway, new SubscriberWrites(clock, publisher), sessionControl, clock);
    }

    @Test
    void overTheCapIsDisconnectedRejectedAndReconnectedByARenewal() throws Exception {
        PyradNas.requirePyrad();
        try (PyradNas router = PyradNas.start("enf-secret-1", "ack")) {
            Nas nas = tenantWithNas("enfcap", "enf-secret-1", true, router.address().getPort());
            String pkg = createPackage(nas, json("type", "hotspot", "name", "10 kB", "price", 20, "durationValue", 1,
                    "durationUnit", "days", "uploadKbps", 512, "downloadKbps", 1024, "dataCapBytes", 10_000));
            var bought = (FulfilmentResult.Provisioned) pay(nas, SettledPayment.Purpose.HOTSPOT_PACKAGE, pkg,
                    "0711000001", "20");
            String user = bought.username();
            sleep(300);
            assertThat(login(nas, user, bought.password()).accepted()).isTrue();

            start(nas, user, "E-CAP-1");
            interim(nas, user, "E-CAP-1", 4000, 3000);
            assertThat(enforcement.run(nas.tenantId())).as("7,000 of 10,000 octets: nothing yet").isEmpty();
            interim(nas, user, "E-CAP-1", 6000, 5000);

            var actions = enforcement.run(nas.tenantId());
            assertThat(actions).singleElement().satisfies(a -> {
                assertThat(a.action()).isEqualTo("over_quota");
                assertThat(a.sessions()).singleElement().satisfies(d -> {
                    assertThat(d.acctSessionId()).isEqualTo("E-CAP-1");
                    assertThat(d.result()).isEqualTo(SessionControl.Result.ACKED);
                });
            });
            JsonNode dm = router.nextRequest(Duration.ofSeconds(5));
            assertThat(dm.get("codeName").asString()).isEqualTo("Disconnect-Request");
            assertThat(values(dm, "User-Name")).containsExactly(user);
            assertThat(values(dm, "Acct-Session-Id")).containsExactly("E-CAP-1");

            assertThat(enforcement.run(nas.tenantId())).as("a second sweep does nothing new").isEmpty();
            assertThat(router.requestsUntilQuietFor(Duration.ofMillis(500))).isEmpty();
            stop(nas, user, "E-CAP-1", 6000, 5000); // what the NAS reports after disconnecting

            String id = subscriberId(nas, user);
            var history = history(nas, id);
            assertThat(history.get(0).path("action").asString()).isEqualTo("disconnected");
            assertThat(history.get(0).path("actor").asString()).isEqualTo("system:enforcement");
            assertThat(history.get(0).path("detail").path("sessions").get(0).path("result").asString())
                    .isEqualTo("acked");
            assertThat(history.get(1).path("action").asString()).isEqualTo("over_quota");
            assertThat(history.get(1).path("detail").path("usedOctets").asLong()).isEqualTo(11_000);
            assertThat(coaRequests(nas)).containsExactly("disconnect:ack");
            sleep(600);
            assertThat(login(nas, user, bought.password()).accepted()).as("rejected until renewed").isFalse();

            pay(nas, SettledPayment.Purpose.HOTSPOT_PACKAGE, pkg, "0711000001", "20");
            sleep(600);
            var renewed = login(nas, user, bought.password());
            assertThat(renewed.accepted()).as(renewed.output()).isTrue();
            assertThat(renewed.first("Mikrotik-Total-Limit")).as("a fresh 10 kB").isEqualTo("10000");
            assertThat(status(nas, id)).isEqualTo("active");
        }
    }

    @Test
    void anExpiredHotspotUserIsDisconnectedAndRejectedOnceUntilRenewed() throws Exception {
        PyradNas.requirePyrad();
        try (PyradNas router = PyradNas.start("enf-secret-2", "ack")) {
            Nas nas = tenantWithNas("enfexp", "enf-secret-2", true, router.address().getPort());
            String pkg = createPackage(nas, json("type", "hotspot", "name", "Day", "price", 50, "durationValue", 1,
                    "durationUnit", "days", "uploadKbps", 512, "downloadKbps", 1024));
            var bought = (FulfilmentResult.Provisioned) pay(nas, SettledPayment.Purpose.HOTSPOT_PACKAGE, pkg,
                    "0711000002", "50");
            String user = bought.username();
            sleep(300);
            assertThat(login(nas, user, bought.password()).accepted()).isTrue();
            start(nas, user, "E-EXP-1");

            MutableClock clock = MutableClock.startingNow();
            assertThat(at(clock).run(nas.tenantId())).isEmpty();
            clock.advance(Duration.ofHours(25));
            var actions = at(clock).run(nas.tenantId());
            assertThat(actions).extracting(Enforcement.Action::action).containsExactly("expired");
            assertThat(actions.get(0).sessions()).extracting(SessionControl.Disconnected::result)
                    .containsExactly(SessionControl.Result.ACKED);
            JsonNode dm = router.nextRequest(Duration.ofSeconds(5));
            assertThat(values(dm, "Acct-Session-Id")).containsExactly("E-EXP-1");
            assertThat(at(clock).run(nas.tenantId())).isEmpty();
            assertThat(router.requestsUntilQuietFor(Duration.ofMillis(500))).isEmpty();
            stop(nas, user, "E-EXP-1", 100, 100);

            String id = subscriberId(nas, user);
            assertThat(status(nas, id)).isEqualTo("expired");
            sleep(600);
            // the RADIUS server's own clock says the package still runs: the rejection is enforcement's
            assertThat(login(nas, user, bought.password()).accepted()).isFalse();

            pay(nas, SettledPayment.Purpose.HOTSPOT_PACKAGE, pkg, "0711000002", "50");
            sleep(600);
            assertThat(login(nas, user, bought.password()).accepted()).isTrue();
            assertThat(history(nas, id).findValuesAsString("action"))
                    .containsExactly("extended", "disconnected", "expired", "provisioned");
        }
    }

    @Test
    void pppoeIsNotedOnceWhileInGraceThenCutOffAndReconnectedByThePaidBill() throws Exception {
        PyradNas.requirePyrad();
        try (PyradNas router = PyradNas.start("enf-secret-3", "ack")) {
            Nas nas = tenantWithNas("enfppp", "enf-secret-3", true, router.address().getPort());
            String pkg = createPackage(nas, json("type", "pppoe", "name", "Home", "price", 2500, "durationValue", 1,
                    "durationUnit", "months", "uploadKbps", 5000, "downloadKbps", 10000));
            Instant due = Instant.now().minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            var created = api().post("/api/subscribers", json("kind", "pppoe", "accountNumber", "ACC-9",
                    "username", "home9", "password", "ppp-secret", "packageId", pkg, "ipPool", "pool1",
                    "nextDueAt", due.toString(), "graceDays", 3), nas.tenant().token());
            assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
            String id = created.body().path("subscriber").path("id").asString();
            sleep(300);
            assertThat(login(nas, "home9", "ppp-secret").accepted()).isTrue();
            start(nas, "home9", "E-PPP-1");

            MutableClock clock = MutableClock.startingNow();
            assertThat(at(clock).run(nas.tenantId())).extracting(Enforcement.Action::action)
                    .containsExactly("overdue");
            assertThat(at(clock).run(nas.tenantId())).as("noted once").isEmpty();
            assertThat(router.requestsUntilQuietFor(Duration.ofMillis(300))).as("in grace: not cut off").isEmpty();
            assertThat(login(nas, "home9", "ppp-secret").accepted()).isTrue();
            assertThat(history(nas, id).get(0).path("action").asString()).isEqualTo("overdue");

            clock.advance(Duration.ofDays(3)); // due + 1 + 3 days: past the grace
            assertThat(at(clock).run(nas.tenantId())).extracting(Enforcement.Action::action)
                    .containsExactly("expired");
            assertThat(values(router.nextRequest(Duration.ofSeconds(5)), "User-Name")).containsExactly("home9");
            assertThat(at(clock).run(nas.tenantId())).isEmpty();
            stop(nas, "home9", "E-PPP-1", 100, 100);
            sleep(600);
            assertThat(login(nas, "home9", "ppp-secret").accepted()).isFalse();

            assertThat(pay(nas, SettledPayment.Purpose.PPPOE_BILL, "ACC-9", null, "2500"))
                    .isInstanceOf(FulfilmentResult.Provisioned.class);
            sleep(600);
            var back = login(nas, "home9", "ppp-secret");
            assertThat(back.accepted()).as(back.output()).isTrue();
            assertThat(back.first("Framed-Pool")).isEqualTo("pool1");
            assertThat(status(nas, id)).isEqualTo("active");
            assertThat(history(nas, id).findValuesAsString("action"))
                    .containsExactly("bill.paid", "disconnected", "expired", "overdue", "created");
        }
    }

    @Test
    void aSweepAndTheDisconnectEndpointStayInTheirTenant() throws Exception {
        PyradNas.requirePyrad();
        try (PyradNas routerA = PyradNas.start("enf-secret-a", "ack");
             PyradNas routerB = PyradNas.start("enf-secret-b", "ack")) {
            Nas a = tenantWithNas("enfa", "enf-secret-a", true, routerA.address().getPort());
            Nas b = tenantWithNas("enfb", "enf-secret-b", true, routerB.address().getPort());
            String pkgB = createPackage(b, json("type", "hotspot", "name", "Day", "price", 50, "durationValue", 1,
                    "durationUnit", "days", "uploadKbps", 512, "downloadKbps", 1024));
            var created = api().post("/api/subscribers", json("kind", "hotspot", "phone", "0711000003",
                    "packageId", pkgB, "expiresAt", "2020-01-01T00:00:00Z"), b.tenant().token());
            assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
            String idB = created.body().path("subscriber").path("id").asString();
            start(b, "254711000003", "E-B-1");

            assertThat(enforcement.run(a.tenantId())).isEmpty();
            assertThat(status(b, idB)).as("B's expired subscriber untouched by A's sweep").isEqualTo("active");
            assertThat(routerB.requestsUntilQuietFor(Duration.ofMillis(300))).isEmpty();

            var foreign = api().post("/api/subscribers/" + idB + "/disconnect", null, a.tenant().token());
            assertThat(foreign.status()).isEqualTo(404);
            assertThat(routerA.requestsUntilQuietFor(Duration.ofMillis(300))).isEmpty();
            assertThat(routerB.requestsUntilQuietFor(Duration.ofMillis(300))).isEmpty();

            var own = api().post("/api/subscribers/" + idB + "/disconnect", null, b.tenant().token());
            assertThat(own.status()).as(own.body().toString()).isEqualTo(200);
            assertThat(own.body().get(0).path("result").asString()).isEqualTo("ACKED");
            assertThat(values(routerB.nextRequest(Duration.ofSeconds(5)), "Acct-Session-Id"))
                    .containsExactly("E-B-1");
            var entry = history(b, idB).get(0);
            assertThat(entry.path("action").asString()).isEqualTo("disconnected");
            assertThat(entry.path("actor").asString()).isEqualTo(b.tenant().adminEmail());
        }
    }

    /**
     * A router that does not answer (down, rebooting) gets the Disconnect-Request again at the
     * following sweeps, after 1, then 4 minutes, until it answers; then never again.
     */
    @Test
    void anUnansweredDisconnectIsSentAgainWithBackoffUntilTheNasAnswers() throws Exception {
        PyradNas.requirePyrad();
        Nas nas;
        String id;
        MutableClock clock;
        int port;
        try (PyradNas down = PyradNas.start("enf-secret-r", "silent")) {
            port = down.address().getPort();
            nas = tenantWithNas("enfretry", "enf-secret-r", true, port);
            id = expiredWithSession(nas, "0711000004", "E-RTY-1");

            clock = MutableClock.startingNow(); // the tries are stamped by the database's clock: start from it
            var first = at(clock).run(nas.tenantId());
            assertThat(first).extracting(Enforcement.Action::action).containsExactly("expired");
            assertThat(first.get(0).sessions()).extracting(SessionControl.Disconnected::result)
                    .containsExactly(SessionControl.Result.TIMEOUT);
            assertThat(at(clock).run(nas.tenantId())).as("not before a minute has passed").isEmpty();

            clock.advance(Duration.ofSeconds(90)); // past the minute, with room for a slow first sweep
            var second = at(clock).run(nas.tenantId());
            assertThat(second).extracting(Enforcement.Action::action).containsExactly("disconnect_retry");
            assertThat(second.get(0).sessions()).extracting(SessionControl.Disconnected::result)
                    .containsExactly(SessionControl.Result.TIMEOUT);
            clock.advance(Duration.ofSeconds(61));
            assertThat(at(clock).run(nas.tenantId())).as("after the second try, 4 minutes").isEmpty();
        }
        try (PyradNas back = PyradNas.startOn(port, "enf-secret-r", "ack")) {
            clock.advance(Duration.ofMinutes(3));
            var third = at(clock).run(nas.tenantId());
            assertThat(third).extracting(Enforcement.Action::action).containsExactly("disconnect_retry");
            assertThat(third.get(0).sessions()).extracting(SessionControl.Disconnected::result)
                    .containsExactly(SessionControl.Result.ACKED);
            assertThat(values(back.nextRequest(Duration.ofSeconds(5)), "Acct-Session-Id")).containsExactly("E-RTY-1");

            clock.advance(Duration.ofHours(1));
            assertThat(at(clock).run(nas.tenantId())).as("answered: done").isEmpty();
            assertThat(back.requestsUntilQuietFor(Duration.ofMillis(300))).isEmpty();
            assertThat(coaRequests(nas)).containsExactly("disconnect:timeout", "disconnect:timeout", "disconnect:ack");
            var entry = history(nas, id).get(0);
            assertThat(entry.path("action").asString()).isEqualTo("disconnected");
            assertThat(entry.path("detail").path("reason").asString()).isEqualTo("still expired (retry)");
        }
    }

    /** A router that never answers gets four Disconnect-Requests in all, then is left alone. */
    @Test
    void disconnectsStopAfterFourUnansweredTries() throws Exception {
        PyradNas.requirePyrad();
        try (PyradNas down = PyradNas.start("enf-secret-s", "silent")) {
            Nas nas = tenantWithNas("enfgiveup", "enf-secret-s", true, down.address().getPort());
            expiredWithSession(nas, "0711000005", "E-GIVE-1");
            MutableClock clock = MutableClock.startingNow();
            assertThat(at(clock).run(nas.tenantId())).extracting(Enforcement.Action::action).containsExactly("expired");
            for (Duration wait : List.of(Duration.ofMinutes(1), Duration.ofMinutes(4), Duration.ofMinutes(16))) {
                clock.advance(wait.plusSeconds(30)); // room for the sends' real seconds
                assertThat(at(clock).run(nas.tenantId())).extracting(Enforcement.Action::action)
                        .containsExactly("disconnect_retry");
            }
            clock.advance(Duration.ofHours(2));
            assertThat(at(clock).run(nas.tenantId())).as("four tries, then the NAS's own limits").isEmpty();
            assertThat(coaRequests(nas)).hasSize(Enforcement.MAX_DISCONNECT_TRIES)
                    .allMatch("disconnect:timeout"::equals);
        }
    }

    /** A staff block or delete ends the running session at once; tenant B can do neither to A's subscriber. */
    @Test
    void aBlockOrADeleteDisconnectsAtOnce() throws Exception {
        PyradNas.requirePyrad();
        try (PyradNas router = PyradNas.start("enf-secret-k", "ack")) {
            Nas nas = tenantWithNas("enfblock", "enf-secret-k", true, router.address().getPort());
            Nas other = tenantWithNas("enfblock_b", true);
            var created = api().post("/api/subscribers", json("kind", "hotspot", "phone", "0711000006",
                    "expiresAt", Instant.now().plus(Duration.ofDays(1)).toString()), nas.tenant().token());
            assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
            String id = created.body().path("subscriber").path("id").asString();
            start(nas, "254711000006", "E-BLK-1");

            assertThat(api().post("/api/subscribers/" + id + "/block", null, other.tenant().token()).status())
                    .isEqualTo(404);
            assertThat(router.requestsUntilQuietFor(Duration.ofMillis(300))).isEmpty();

            var blocked = api().post("/api/subscribers/" + id + "/block", null, nas.tenant().token());
            assertThat(blocked.status()).as(blocked.body().toString()).isEqualTo(200);
            assertThat(blocked.body().path("status").asString()).isEqualTo("blocked");
            assertThat(values(router.nextRequest(Duration.ofSeconds(5)), "Acct-Session-Id")).containsExactly("E-BLK-1");
            var entry = history(nas, id).get(0);
            assertThat(entry.path("action").asString()).isEqualTo("disconnected");
            assertThat(entry.path("detail").path("reason").asString()).isEqualTo("blocked by staff");

            // deleting a subscriber that is online ends its session as well
            var online = api().post("/api/subscribers", json("kind", "hotspot", "phone", "0711000007",
                    "expiresAt", Instant.now().plus(Duration.ofDays(1)).toString()), nas.tenant().token());
            String onlineId = online.body().path("subscriber").path("id").asString();
            start(nas, "254711000007", "E-DEL-1");
            assertThat(api().send("DELETE", "/api/subscribers/" + onlineId, null, other.tenant().token(),
                    java.util.Map.of()).status()).isEqualTo(404);
            assertThat(router.requestsUntilQuietFor(Duration.ofMillis(300))).isEmpty();
            assertThat(api().send("DELETE", "/api/subscribers/" + onlineId, null, nas.tenant().token(),
                    java.util.Map.of()).status()).isEqualTo(204);
            assertThat(values(router.nextRequest(Duration.ofSeconds(5)), "Acct-Session-Id")).containsExactly("E-DEL-1");
        }
    }

    // --- helpers

    /** A hotspot subscriber whose expiry has passed (still {@code active}: no sweep yet) with a session open. */
    String expiredWithSession(Nas nas, String phone, String session) {
        var created = api().post("/api/subscribers", json("kind", "hotspot", "phone", phone,
                "expiresAt", Instant.now().minus(Duration.ofMinutes(1)).toString()), nas.tenant().token());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        start(nas, "254" + phone.substring(1), session);
        return created.body().path("subscriber").path("id").asString();
    }

    String createPackage(Nas nas, java.util.Map<String, Object> body) {
        var created = api().post("/api/packages", body, nas.tenant().token());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.text("id");
    }

    FulfilmentResult pay(Nas nas, SettledPayment.Purpose purpose, String reference, String phone, String amount) {
        var payment = new SettledPayment(nas.tenantId(), UUID.randomUUID(), purpose, reference, phone, null,
                new BigDecimal(amount), "KES", "R" + UUID.randomUUID().toString().substring(0, 8), Instant.now());
        return gateway.inTenant(nas.tenantId(), sql -> fulfilment.fulfil(sql, payment));
    }

    Radclient.Reply login(Nas nas, String user, String password) {
        return auth(nas, "User-Name = \"" + user + "\"\nUser-Password = \"" + password + "\"\n"
                + "Calling-Station-Id = \"" + MAC + "\"\n");
    }

    void start(Nas nas, String user, String session) {
        accounting(nas, "Start", user, session, "Framed-IP-Address = 10.9.0.7\n");
    }

    void interim(Nas nas, String user, String session, long in, long out) {
        accounting(nas, "Interim-Update", user, session, "Acct-Session-Time = 60\nAcct-Input-Octets = " + in
                + "\nAcct-Output-Octets = " + out + "\n");
    }

    void stop(Nas nas, String user, String session, long in, long out) {
        accounting(nas, "Stop", user, session, "Acct-Session-Time = 90\nAcct-Input-Octets = " + in
                + "\nAcct-Output-Octets = " + out + "\nAcct-Terminate-Cause = Admin-Reset\n");
    }

    private void accounting(Nas nas, String type, String user, String session, String more) {
        var reply = acct(nas, "Acct-Status-Type = " + type + "\nAcct-Session-Id = \"" + session + "\"\n"
                + "User-Name = \"" + user + "\"\nNAS-IP-Address = 127.0.0.1\nCalling-Station-Id = \"" + MAC + "\"\n"
                + more);
        assertThat(reply.code()).as(reply.output()).isEqualTo("Accounting-Response");
    }

    String subscriberId(Nas nas, String username) {
        return api().get("/api/subscribers?q=" + username, nas.tenant().token()).body().path("items").get(0)
                .path("id").asString();
    }

    String status(Nas nas, String id) {
        return api().get("/api/subscribers/" + id, nas.tenant().token()).body().path("status").asString();
    }

    JsonNode history(Nas nas, String id) {
        return api().get("/api/subscribers/" + id + "/history", nas.tenant().token()).body().path("items");
    }

    List<String> coaRequests(Nas nas) {
        return gateway.inTenant(nas.tenantId(), sql -> sql.sql(
                "select kind || ':' || outcome from radius_coa_requests order by created_at").query(String.class).list());
    }

    private static List<String> values(JsonNode request, String attribute) {
        List<String> out = new ArrayList<>();
        request.path("attributes").path(attribute).forEach(v -> out.add(v.asString()));
        return out;
    }
}
