package com.traidnet.wificore.reports;

import com.traidnet.wificore.support.IntegrationTest;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.traidnet.wificore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every report over one seeded tenant (A): payments through the real cash settlement and fulfilment, subscribers
 * through the API, accounting rows inserted directly. Tenant B has overlapping usernames and far bigger numbers,
 * so any leak would change A's exact figures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsIT extends IntegrationTest {

    @Autowired
    TenantGateway gateway;

    TestTenant a;
    TestTenant b;
    String viewer;
    String nasA1;
    String nasA2;
    LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @BeforeAll
    void seed() {
        a = registerTenant("rpa");
        b = registerTenant("rpb");
        nasA1 = nas(a, "site-1", "10.61.0.1");
        nasA2 = nas(a, "site-2", "10.61.0.2");
        String p1 = pkg(a, "One site", 50, 2, "hours", List.of(nasA1));
        String p2 = pkg(a, "Anywhere", 20, 3, "days", List.of());
        String p3 = api().post("/api/packages", json("type", "pppoe", "name", "Home", "price", 1000,
                "durationValue", 1, "durationUnit", "months", "uploadKbps", 2048, "downloadKbps", 8192),
                a.token()).text("id");
        assertThat(api().post("/api/subscribers", json("kind", "pppoe", "accountNumber", "ACC-A", "username",
                "pppoe-a", "password", "secret-pw", "packageId", p3, "nextDueAt", Instant.now().plus(Duration.ofDays(5)),
                "graceDays", 2), a.token()).status()).isEqualTo(201);
        var blocked = api().post("/api/subscribers", json("kind", "hotspot", "phone", "0711000009",
                "expiresAt", "2030-01-01T00:00:00Z"), a.token());
        api().post("/api/subscribers/" + blocked.body().path("subscriber").path("id").asString() + "/block", null,
                a.token());
        cash(a, "HOTSPOT_PACKAGE", p1, "0711000001", 50);
        cash(a, "HOTSPOT_PACKAGE", p2, "0711000002", 20);
        String moved = cash(a, "HOTSPOT_PACKAGE", p2, "0711000003", 20);
        cash(a, "PPPOE_BILL", "ACC-A", null, 1000);
        var unmatched = api().post("/api/payments/cash", json("amount", 99, "purpose", "HOTSPOT_PACKAGE",
                "reference", UUID.randomUUID().toString(), "phone", "0711000004"), a.token());
        assertThat(unmatched.text("status")).isEqualTo("unmatched");
        Instant threeDaysAgo = today.minusDays(3).atTime(12, 0).toInstant(ZoneOffset.UTC);
        inTenant(a, "update payments set settled_at = ? where id = ?", threeDaysAgo, UUID.fromString(moved));

        Instant now = Instant.now();
        session(a, "254711000001", nasA2, "10.61.0.2", now, now, 100, 200);
        session(a, "254711000002", nasA2, "10.61.0.2", now, null, 1000, 5000);
        session(a, "pppoe-a", nasA1, "10.61.0.1", now.minus(Duration.ofHours(20)), null, 2000, 1000);
        session(a, "254711000003", nasA1, "10.61.0.1", now.minus(Duration.ofDays(40)),
                now.minus(Duration.ofDays(40)), 1_000_000, 0);

        String nasB = nas(b, "b-site", "10.62.0.1");
        String pb = pkg(b, "B pack", 777, 3, "days", List.of());
        cash(b, "HOTSPOT_PACKAGE", pb, "0711000002", 777);
        session(b, "254711000002", nasB, "10.62.0.1", Instant.now(), null, 9_000_000_000L, 1);

        String email = "viewer@" + a.slug() + ".test";
        assertThat(api().post("/api/staff", json("email", email, "password", PASSWORD, "roles", List.of("viewer")),
                a.token()).status()).isEqualTo(201);
        viewer = login(email, PASSWORD);
    }

    @Test
    void revenuePerDayCountsSettledPaymentsOnTheirSettlementDay() {
        var rows = get("/api/reports/revenue/daily?from=" + today.minusDays(5) + "&to=" + today.plusDays(1));
        assertThat(rows.path("zone").asString()).isEqualTo("UTC");
        assertThat(lines(rows.path("rows"), "day", "currency", "payments", "amount")).containsExactly(
                today.minusDays(3) + " KES 1 20", today + " KES 3 1070");
        assertThat(lines(get("/api/reports/revenue/daily?from=" + today + "&to=" + today).path("rows"),
                "day", "payments", "amount")).containsExactly(today + " 3 1070");
        assertThat(csv("/api/reports/revenue/daily.csv?from=" + today.minusDays(5) + "&to=" + today,
                "revenue-daily-" + today.minusDays(5) + "-" + today + ".csv"))
                .containsExactly("day,currency,payments,amount", today.minusDays(3) + ",KES,1,20.00",
                        today + ",KES,3,1070.00");
    }

    @Test
    void revenuePerPackageAndPerNas() {
        String range = "?from=" + today.minusDays(5) + "&to=" + today;
        assertThat(lines(get("/api/reports/revenue/packages" + range).path("rows"), "packageName", "packageType",
                "payments", "amount")).containsExactly("Home pppoe 1 1000", "One site hotspot 1 50",
                "Anywhere hotspot 2 40");
        // One site → its only NAS; pppoe-a → the NAS of its last session before paying; 0711000002 → the NAS of
        // its first session after paying; 0711000003 (paid three days ago, no session near it) → no NAS
        assertThat(lines(get("/api/reports/revenue/nas" + range).path("rows"), "nasId", "nasName", "payments",
                "amount")).containsExactly(nasA1 + " site-1 2 1050", nasA2 + " site-2 1 20",
                "null null 1 20");
        assertThat(csv("/api/reports/revenue/packages.csv" + range, null)).hasSize(4)
                .first().isEqualTo("package_id,package,type,currency,payments,amount");
        assertThat(csv("/api/reports/revenue/nas.csv" + range, null)).contains(nasA2 + ",site-2,KES,1,20.00",
                ",,KES,1,20.00");
    }

    @Test
    void subscribersByKindAndStatusAndExpiringSoon() {
        var counts = get("/api/reports/subscribers");
        assertThat(counts.path("subscribers").asLong()).isEqualTo(5);
        assertThat(lines(counts.path("rows"), "kind", "status", "subscribers", "unexpired")).containsExactly(
                "hotspot active 3 3", "hotspot blocked 1 1", "pppoe active 1 1");
        assertThat(csv("/api/reports/subscribers.csv", "subscribers.csv")).containsExactly(
                "kind,status,subscribers,unexpired", "hotspot,active,3,3", "hotspot,blocked,1,1", "pppoe,active,1,1");

        assertThat(get("/api/reports/expiring").path("items").findValuesAsString("username"))
                .containsExactly("254711000001");
        var week = get("/api/reports/expiring?within=7d&size=2");
        assertThat(week.path("hasMore").asBoolean()).isTrue();
        var next = get("/api/reports/expiring?within=7d&page=1&size=2");
        assertThat(next.path("hasMore").asBoolean()).isFalse();
        var soonestFirst = new java.util.ArrayList<>(week.path("items").findValuesAsString("username"));
        soonestFirst.addAll(next.path("items").findValuesAsString("username"));
        assertThat(soonestFirst).hasSize(3).first().isEqualTo("254711000001");
        assertThat(soonestFirst).containsExactlyInAnyOrder("254711000001", "254711000002", "254711000003");
        assertThat(csv("/api/reports/expiring.csv?within=7d", "expiring-7d.csv")).hasSize(4)
                .first().isEqualTo("id,kind,username,phone,account_number,package,expires_at");
    }

    @Test
    void onlineNowAndTopUsers() {
        var online = get("/api/reports/online");
        assertThat(online.path("sessions").asLong()).isEqualTo(2);
        assertThat(lines(online.path("nas"), "nasName", "nasIp", "sessions", "users"))
                .containsExactlyInAnyOrder("site-1 10.61.0.1 1 1", "site-2 10.61.0.2 1 1");
        assertThat(lines(get("/api/reports/online/sessions").path("items"), "username", "nasName", "inputOctets",
                "outputOctets")).containsExactly("254711000002 site-2 1000 5000", "pppoe-a site-1 2000 1000");
        assertThat(csv("/api/reports/online.csv", "online.csv")).hasSize(3);
        assertThat(csv("/api/reports/online/sessions.csv", "online-sessions.csv")).hasSize(3)
                .anyMatch(line -> line.startsWith("pppoe-a," + nasA1 + ",site-1,10.61.0.1,"));

        String recent = "?from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
        assertThat(lines(get("/api/reports/top-users" + recent).path("rows"), "username", "sessions", "totalOctets"))
                .containsExactly("254711000002 1 6000", "pppoe-a 1 3000", "254711000001 1 300");
        assertThat(lines(get("/api/reports/top-users" + recent + "&limit=1").path("rows"), "username"))
                .containsExactly("254711000002");
        assertThat(lines(get("/api/reports/top-users?from=" + today.minusDays(45) + "&to=" + today.plusDays(1)
                + "&limit=1").path("rows"), "username", "inputOctets")).containsExactly("254711000003 1000000");
        assertThat(csv("/api/reports/top-users.csv" + recent, null)).containsExactly(
                "username,sessions,input_octets,output_octets,total_octets", "254711000002,1,1000,5000,6000",
                "pppoe-a,1,2000,1000,3000", "254711000001,1,100,200,300");
    }

    @Test
    void tenantBSeesOnlyItsOwnNumbers() {
        String range = "?from=" + today.minusDays(5) + "&to=" + today.plusDays(1);
        assertThat(lines(report(b, "/api/reports/revenue/daily" + range).path("rows"), "payments", "amount"))
                .containsExactly("1 777");
        assertThat(lines(report(b, "/api/reports/revenue/packages" + range).path("rows"), "packageName"))
                .containsExactly("B pack");
        assertThat(lines(report(b, "/api/reports/revenue/nas" + range).path("rows"), "nasName", "amount"))
                .containsExactly("b-site 777");
        assertThat(report(b, "/api/reports/subscribers").path("subscribers").asLong()).isEqualTo(1);
        assertThat(report(b, "/api/reports/expiring?within=7d").path("items").size()).isEqualTo(1);
        assertThat(report(b, "/api/reports/online").path("sessions").asLong()).isEqualTo(1);
        assertThat(report(b, "/api/reports/online/sessions").path("items").size()).isEqualTo(1);
        assertThat(lines(report(b, "/api/reports/top-users" + range).path("rows"), "username", "totalOctets"))
                .containsExactly("254711000002 9000000001");
    }

    /**
     * Days before yesterday are summed once and kept (revenue_days); a session inserted late near a kept day drops
     * the days whose NAS credit it can change, so the next read credits the payment to that session's NAS.
     */
    @Test
    void finalDaysAreKeptAndALateSessionRecreditsThem() {
        TestTenant c = registerTenant("rpc");
        String nasC = nas(c, "c-site", "10.63.0.1");
        String anywhere = pkg(c, "C anywhere", 30, 1, "days", List.of());
        String paid = cash(c, "HOTSPOT_PACKAGE", anywhere, "0711000077", 30);
        Instant fourDaysAgo = today.minusDays(4).atTime(12, 0).toInstant(ZoneOffset.UTC);
        inTenant(c, "update payments set settled_at = ? where id = ?", fourDaysAgo, UUID.fromString(paid));
        cash(c, "HOTSPOT_PACKAGE", anywhere, "0711000078", 30);
        String range = "?from=" + today.minusDays(6) + "&to=" + today;

        assertThat(lines(report(c, "/api/reports/revenue/nas" + range).path("rows"), "nasName", "payments"))
                .containsExactly("null 2");
        List<LocalDate> kept = gateway.inTenant(tenantId(c), sql -> sql.sql(
                "select day from revenue_days_rolled order by day").query(LocalDate.class).list());
        // the days before yesterday (once yesterday has been over 15 minutes), not yesterday and today
        LocalDate lastFinal = LocalDate.ofInstant(Instant.now().minus(RevenueDays.LATE), ZoneOffset.UTC).minusDays(2);
        assertThat(kept).as("the final days").isEqualTo(today.minusDays(6).datesUntil(lastFinal.plusDays(1)).toList());
        assertThat(lines(report(c, "/api/reports/revenue/daily" + range).path("rows"), "day", "payments", "amount"))
                .containsExactly(today.minusDays(4) + " 1 30", today + " 1 30");

        // the buyer's session an hour after the payment, four days ago, reaches the platform only now
        session(c, "254711000077", nasC, "10.63.0.1", fourDaysAgo.plus(Duration.ofHours(1)),
                fourDaysAgo.plus(Duration.ofHours(2)), 10, 10);
        assertThat(lines(report(c, "/api/reports/revenue/nas" + range).path("rows"), "nasName", "payments"))
                .containsExactly("c-site 1", "null 1");
        assertThat(lines(report(c, "/api/reports/revenue/packages" + range).path("rows"), "packageName", "payments",
                "amount")).containsExactly("C anywhere 2 60");
    }

    @Test
    void badRangesAndLimitsAreProblems() {
        for (String report : List.of("revenue/daily", "revenue/packages", "revenue/nas", "top-users")) {
            problem("/api/reports/" + report + "?from=" + today + "&to=" + today.minusDays(1), "from");
            problem("/api/reports/" + report + "?from=" + today.minusDays(366) + "&to=" + today, "to");
            problem("/api/reports/" + report + ".csv?from=2026-13-01", "from");
        }
        assertThat(get("/api/reports/revenue/daily?from=" + today.minusDays(365) + "&to=" + today).path("rows")
                .size()).isEqualTo(2);
        problem("/api/reports/top-users?limit=101", "limit");
        problem("/api/reports/expiring?within=0h", "within");
        problem("/api/reports/expiring.csv?within=soon", "within");
        assertThat(api().get("/api/reports/online", null).status()).isEqualTo(401);
    }

    @Test
    void topUsersQueryReadsOnlyTheRangesPartitions() {
        var range = new ReportRange(today, today, ReportRange.ZONE);
        List<String> lines = gateway.inTenant(tenantId(a), sql -> sql.sql("explain " + TopUsers.SQL)
                .params(range.params()).param("limit", 10).query(String.class).list());
        String plan = String.join("\n", lines);
        var day = DateTimeFormatter.BASIC_ISO_DATE;
        assertThat(plan).contains("radacct_p" + today.format(day))
                .doesNotContain("radacct_p" + today.plusDays(1).format(day))
                .doesNotContain("radacct_p" + today.minusDays(1).format(day));
    }

    // --- helpers ---

    JsonNode get(String path) {
        return report(a, path);
    }

    JsonNode report(TestTenant tenant, String path) {
        var response = api().get(path, tenant == a ? viewer : tenant.token());
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
        return response.body();
    }

    List<String> csv(String path, String filename) {
        var response = api().get(path, viewer);
        assertThat(response.status()).as(path).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv");
        String disposition = response.raw().headers().firstValue("Content-Disposition").orElse("");
        assertThat(disposition).startsWith("attachment; filename=");
        if (filename != null) {
            assertThat(disposition).isEqualTo("attachment; filename=\"" + filename + "\"");
        }
        return List.of(response.raw().body().split("\r\n"));
    }

    void problem(String path, String field) {
        var response = api().get(path, viewer);
        assertThat(response.status()).as(path).isEqualTo(400);
        assertThat(response.contentType()).as(path).startsWith("application/problem+json");
        assertThat(response.body().path("detail").asString()).as(path).startsWith(field + ":");
    }

    static List<String> lines(JsonNode rows, String... fields) {
        return rows.valueStream().map(row -> String.join(" ",
                java.util.Arrays.stream(fields).map(f -> row.path(f).isNull() ? "null"
                        : row.path(f).isNumber() ? row.path(f).decimalValue().stripTrailingZeros().toPlainString()
                        : row.path(f).asString())
                        .toList())).toList();
    }

    String nas(TestTenant t, String name, String address) {
        var created = api().post("/api/nas", json("name", name, "address", address, "secret", "s3cret-nas",
                "type", "mikrotik"), t.token());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.text("id");
    }

    String pkg(TestTenant t, String name, int price, int duration, String unit, List<String> nasIds) {
        var created = api().post("/api/packages", json("type", "hotspot", "name", name, "price", price,
                "durationValue", duration, "durationUnit", unit, "uploadKbps", 1024, "downloadKbps", 4096,
                "nasIds", nasIds), t.token());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.text("id");
    }

    String cash(TestTenant t, String purpose, String reference, String phone, int amount) {
        var body = json("amount", amount, "purpose", purpose, "reference", reference);
        if (phone != null) {
            body.put("phone", phone);
        }
        var paid = api().post("/api/payments/cash", body, t.token());
        assertThat(paid.status()).as(paid.body().toString()).isEqualTo(201);
        assertThat(paid.text("status")).as(paid.body().toString()).isEqualTo("settled");
        return paid.text("id");
    }

    void session(TestTenant t, String username, String nasId, String nasIp, Instant start, Instant stop,
                 long input, long output) {
        String unique = UUID.randomUUID().toString();
        var started = start.atOffset(ZoneOffset.UTC);
        var stopped = stop == null ? null : stop.atOffset(ZoneOffset.UTC);
        gateway.inTenant(tenantId(t), sql -> {
            long id = sql.sql("""
                            insert into radacct (acctsessionid, acctuniqueid, username, nasipaddress, acctstarttime,
                                                 acctupdatetime, acctstoptime, acctinputoctets, acctoutputoctets,
                                                 nas_id, framedipaddress, callingstationid)
                            values (:sid, :uid, :user, cast(:nasIp as inet), :start, :start, :stop, :in, :out,
                                    :nas, '10.0.0.9', 'AA-BB-CC-DD-EE-FF') returning radacctid""")
                    .params(Map.of("sid", unique.substring(0, 8), "uid", unique, "user", username, "nasIp", nasIp,
                            "start", started, "in", input, "out", output, "nas", UUID.fromString(nasId)))
                    .param("stop", stopped).query(Long.class).single();
            return sql.sql("""
                            insert into radacct_sessions (acctuniqueid, acctstarttime, radacctid, username, nas_id,
                                                          nasipaddress, callingstationid, acctstoptime, acctupdatetime)
                            values (?, ?, ?, ?, ?, cast(? as inet), 'AA-BB-CC-DD-EE-FF', ?, ?)""")
                    .params(unique, started, id, username, UUID.fromString(nasId), nasIp, stopped, started).update();
        });
    }

    void inTenant(TestTenant t, String statement, Object... params) {
        gateway.inTenant(tenantId(t), sql -> sql.sql(statement)
                .params(java.util.Arrays.stream(params).map(p -> p instanceof Instant i ? i.atOffset(ZoneOffset.UTC) : p)
                        .toArray()).update());
    }

    static TenantId tenantId(TestTenant t) {
        return new TenantId(UUID.fromString(t.id()));
    }
}
