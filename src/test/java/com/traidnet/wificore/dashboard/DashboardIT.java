package com.traidnet.wificore.dashboard;

import com.traidnet.wificore.support.IntegrationTest;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static com.traidnet.wificore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /api/dashboard and /api/dashboard/usage over two tenants: B has bigger numbers in every
 * figure, so a leak would change A's exact answer.
 */
class DashboardIT extends IntegrationTest {

    @Autowired
    TenantGateway gateway;

    @Test
    void summaryAndUsageCountOnlyTheCallersTenant() {
        TestTenant a = registerTenant("dash_a");
        TestTenant b = registerTenant("dash_b");
        String nasA = nas(a, "10.71.0.1");
        String nasB = nas(b, "10.72.0.1");
        String packA = pkg(a, 50);
        String packB = pkg(b, 900);
        cash(a, packA, "0711000001", 50);
        cash(b, packB, "0711000002", 900);
        cash(b, packB, "0711000003", 900);
        var unmatched = api().post("/api/payments/cash", json("amount", 7, "purpose", "HOTSPOT_PACKAGE",
                "reference", UUID.randomUUID().toString(), "phone", "0711000009"), a.token());
        assertThat(unmatched.text("status")).isEqualTo("unmatched");

        Instant now = Instant.now();
        session(a, "alice", nasA, "10.71.0.1", now, null, 100, 200);
        session(a, "alice", nasA, "10.71.0.1", now.minus(Duration.ofMinutes(5)), now, 1, 2);
        session(a, "old", nasA, "10.71.0.1", now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(3)), 1000, 0);
        session(b, "alice", nasB, "10.72.0.1", now, null, 9_000_000, 1);
        session(b, "bob", nasB, "10.72.0.1", now, null, 1, 1);

        JsonNode summary = ok(api().get("/api/dashboard", a.token()));
        assertThat(summary.path("onlineSessions").asLong()).isEqualTo(1);
        assertThat(summary.path("onlineUsers").asLong()).isEqualTo(1);
        assertThat(summary.path("paymentsToday").asLong()).isEqualTo(2);
        // money that arrived but bought nothing is to reconcile, not a failure
        assertThat(summary.path("failedPaymentsToday").asLong()).isZero();
        assertThat(summary.path("unmatchedPaymentsToday").asLong()).isEqualTo(1);
        assertThat(summary.path("activeSubscribers").asLong()).isEqualTo(1);
        assertThat(summary.path("revenueToday")).hasSize(1);
        assertThat(summary.path("revenueToday").get(0).path("currency").asString()).isEqualTo("KES");
        assertThat(summary.path("revenueToday").get(0).path("amount").decimalValue()).isEqualByComparingTo("50");

        JsonNode other = ok(api().get("/api/dashboard", b.token()));
        assertThat(other.path("onlineSessions").asLong()).isEqualTo(2);
        assertThat(other.path("revenueToday").get(0).path("amount").decimalValue()).isEqualByComparingTo("1800");

        JsonNode usage = ok(api().get("/api/dashboard/usage?days=7", a.token()));
        assertThat(usage.path("days")).hasSize(7);
        JsonNode today = usage.path("days").get(6);
        assertThat(today.path("day").asString()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(today.path("sessions").asLong()).isEqualTo(2);
        assertThat(today.path("inputOctets").asLong()).isEqualTo(101);
        assertThat(usage.path("days").get(3).path("inputOctets").asLong()).isEqualTo(1000);
        assertThat(usage.path("days").get(5).path("sessions").asLong()).isZero();

        var tooLong = api().get("/api/dashboard/usage?days=32", a.token());
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().toString()).contains("days");

        var asAdmin = api().send("GET", "/api/dashboard", null, platformAdminToken(), Map.of("X-Tenant", a.slug()));
        assertThat(ok(asAdmin).path("onlineSessions").asLong()).isEqualTo(1);
        assertThat(api().get("/api/dashboard", null).status()).isEqualTo(401);
    }

    /**
     * Closed past days are summed once and stored (usage_days); a day with an open session stays live; a session
     * inserted late on a stored day deletes its sums (V15's trigger), so the chart never shows a stale day.
     */
    @Test
    void closedDaysAreStoredAndALateSessionRefreshesItsDay() {
        TestTenant a = registerTenant("dash_roll_a");
        TestTenant b = registerTenant("dash_roll_b");
        String nasA = nas(a, "10.73.0.1");
        String nasB = nas(b, "10.74.0.1");
        Instant now = Instant.now();
        // noon, so that a run near midnight keeps every session on the day it is meant for
        Instant threeDaysAgo = day(now).minusDays(3).atTime(12, 0).toInstant(ZoneOffset.UTC);
        Instant twoDaysAgo = day(now).minusDays(2).atTime(12, 0).toInstant(ZoneOffset.UTC);
        session(a, "carol", nasA, "10.73.0.1", threeDaysAgo, threeDaysAgo.plusSeconds(60), 1000, 10);
        String open = session(a, "dan", nasA, "10.73.0.1", twoDaysAgo, null, 500, 5);
        session(b, "erin", nasB, "10.74.0.1", threeDaysAgo, threeDaysAgo.plusSeconds(60), 7_000_000, 7);

        JsonNode first = ok(api().get("/api/dashboard/usage?days=7", a.token())).path("days");
        assertThat(first.get(3).path("inputOctets").asLong()).isEqualTo(1000);
        assertThat(first.get(4).path("inputOctets").asLong()).isEqualTo(500);
        // the past days without open sessions are stored (yesterday once it has been over 15 minutes); two days
        // ago (open) and today are not
        assertThat(storedDays(a)).contains(day(now).minusDays(6), day(threeDaysAgo), day(now).minusDays(3))
                .doesNotContain(day(twoDaysAgo), day(now));
        assertThat(storedInput(a, day(threeDaysAgo))).isEqualTo(1000);

        session(a, "late", nasA, "10.73.0.1", threeDaysAgo.plusSeconds(5), threeDaysAgo.plusSeconds(90), 24, 0);
        assertThat(storedDays(a)).as("the late session deleted its day's sums").doesNotContain(day(threeDaysAgo));
        close(a, open, 800);

        JsonNode second = ok(api().get("/api/dashboard/usage?days=7", a.token())).path("days");
        assertThat(second.get(3).path("sessions").asLong()).isEqualTo(2);
        assertThat(second.get(3).path("inputOctets").asLong()).isEqualTo(1024);
        assertThat(second.get(4).path("inputOctets").asLong()).isEqualTo(800);
        assertThat(storedDays(a)).contains(day(twoDaysAgo), day(threeDaysAgo)).doesNotContain(day(now));
        assertThat(storedInput(a, day(twoDaysAgo))).isEqualTo(800);
        // and the same call once more reads only stored days plus today
        assertThat(ok(api().get("/api/dashboard/usage?days=7", a.token())).path("days")).isEqualTo(second);

        JsonNode other = ok(api().get("/api/dashboard/usage?days=7", b.token())).path("days");
        assertThat(other.get(3).path("inputOctets").asLong()).isEqualTo(7_000_000);
        assertThat(storedInput(a, day(threeDaysAgo))).isEqualTo(1024);
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    private java.util.List<LocalDate> storedDays(TestTenant t) {
        return gateway.inTenant(new TenantId(UUID.fromString(t.id())),
                sql -> sql.sql("select day from usage_days order by day").query(LocalDate.class).list());
    }

    private long storedInput(TestTenant t, LocalDate day) {
        return gateway.inTenant(new TenantId(UUID.fromString(t.id())),
                sql -> sql.sql("select input_octets from usage_days where day = ?").param(day).query(Long.class)
                        .single());
    }

    /** A Stop as the accounting writer records it: final octets in radacct, the stop time in both tables. */
    private void close(TestTenant t, String uniqueId, long input) {
        gateway.inTenant(new TenantId(UUID.fromString(t.id())), sql -> {
            sql.sql("update radacct set acctstoptime = now(), acctinputoctets = ? where acctuniqueid = ?")
                    .params(input, uniqueId).update();
            return sql.sql("update radacct_sessions set acctstoptime = now() where acctuniqueid = ?")
                    .param(uniqueId).update();
        });
    }

    private static JsonNode ok(com.traidnet.wificore.support.Api.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    private String nas(TestTenant t, String address) {
        var created = api().post("/api/nas", json("name", "site-" + address, "address", address, "secret", "s3cret",
                "type", "mikrotik"), t.token());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.text("id");
    }

    private String pkg(TestTenant t, int price) {
        var created = api().post("/api/packages", json("type", "hotspot", "name", "Day " + price, "price", price,
                "durationValue", 1, "durationUnit", "days", "uploadKbps", 1024, "downloadKbps", 4096), t.token());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.text("id");
    }

    private void cash(TestTenant t, String packageId, String phone, int amount) {
        var paid = api().post("/api/payments/cash", json("amount", amount, "purpose", "HOTSPOT_PACKAGE",
                "reference", packageId, "phone", phone), t.token());
        assertThat(paid.status()).as(paid.body().toString()).isEqualTo(201);
        assertThat(paid.text("status")).isEqualTo("settled");
    }

    /** An accounting session written as the accounting module does: radacct plus its radacct_sessions row. */
    private String session(TestTenant t, String username, String nasId, String nasIp, Instant start, Instant stop,
                           long input, long output) {
        String unique = UUID.randomUUID().toString();
        var started = start.atOffset(ZoneOffset.UTC);
        var stopped = stop == null ? null : stop.atOffset(ZoneOffset.UTC);
        gateway.inTenant(new TenantId(UUID.fromString(t.id())), sql -> {
            long id = sql.sql("""
                            insert into radacct (acctsessionid, acctuniqueid, username, nasipaddress, acctstarttime,
                                                 acctupdatetime, acctstoptime, acctinputoctets, acctoutputoctets, nas_id)
                            values (:sid, :uid, :user, cast(:nasIp as inet), :start, :start, :stop, :in, :out, :nas)
                            returning radacctid""")
                    .params(Map.of("sid", unique.substring(0, 8), "uid", unique, "user", username, "nasIp", nasIp,
                            "start", started, "in", input, "out", output, "nas", UUID.fromString(nasId)))
                    .param("stop", stopped).query(Long.class).single();
            return sql.sql("""
                            insert into radacct_sessions (acctuniqueid, acctstarttime, radacctid, username, nas_id,
                                                          nasipaddress, acctstoptime, acctupdatetime)
                            values (?, ?, ?, ?, ?, cast(? as inet), ?, ?)""")
                    .params(unique, started, id, username, UUID.fromString(nasId), nasIp, stopped, started).update();
        });
        return unique;
    }
}
