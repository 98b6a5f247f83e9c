package com.traidnet.wificore.tenant;

import com.traidnet.wificore.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.traidnet.wificore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant's time zone decides its days: a payment and a session a minute after midnight in Nairobi (21:01 UTC
 * the day before) count on Nairobi's today in the reports and on the dashboard, and on UTC's yesterday for a
 * tenant that keeps UTC. Only admins change it, only to zone names both Java and PostgreSQL know.
 */
class TenantTimeZoneIT extends IntegrationTest {

    static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");

    @Autowired
    TenantGateway gateway;

    @Test
    void theTenantsZoneDecidesWhichDayThingsCountOn() {
        TestTenant a = registerTenant("tz_a");
        TestTenant b = registerTenant("tz_b");
        assertThat(api().get("/api/tenant", a.token()).text("timeZone")).isEqualTo("UTC");
        var changed = api().send("PUT", "/api/tenant/time-zone", json("timeZone", "Africa/Nairobi"), a.token(),
                Map.of());
        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
        assertThat(api().get("/api/tenant", a.token()).text("timeZone")).isEqualTo("Africa/Nairobi");
        assertThat(api().get("/api/tenant", b.token()).text("timeZone")).isEqualTo("UTC");

        LocalDate nairobiToday = LocalDate.now(NAIROBI);
        Instant justAfterMidnight = nairobiToday.atStartOfDay(NAIROBI).toInstant().plus(Duration.ofMinutes(1));
        LocalDate utcDay = LocalDate.ofInstant(justAfterMidnight, ZoneId.of("UTC"));
        assertThat(utcDay).isEqualTo(nairobiToday.minusDays(1));
        for (TestTenant t : List.of(a, b)) {
            String paid = cash(t);
            sql(t, "update payments set settled_at = ?, created_at = ? where id = ?",
                    java.sql.Timestamp.from(justAfterMidnight), java.sql.Timestamp.from(justAfterMidnight),
                    UUID.fromString(paid));
            session(t, justAfterMidnight);
        }

        String range = "?from=" + nairobiToday.minusDays(2) + "&to=" + nairobiToday;
        JsonNode nairobi = api().get("/api/reports/revenue/daily" + range, a.token()).body();
        assertThat(nairobi.path("zone").asString()).isEqualTo("Africa/Nairobi");
        assertThat(nairobi.path("rows").get(0).path("day").asString()).isEqualTo(nairobiToday.toString());
        JsonNode utc = api().get("/api/reports/revenue/daily" + range, b.token()).body();
        assertThat(utc.path("zone").asString()).isEqualTo("UTC");
        assertThat(utc.path("rows").get(0).path("day").asString()).isEqualTo(utcDay.toString());

        JsonNode dashboard = api().get("/api/dashboard", a.token()).body();
        assertThat(dashboard.path("day").asString()).isEqualTo(nairobiToday.toString());
        assertThat(dashboard.path("paymentsToday").asLong()).isEqualTo(1);
        JsonNode usage = api().get("/api/dashboard/usage?days=2", a.token()).body().path("days");
        assertThat(usage.get(1).path("day").asString()).isEqualTo(nairobiToday.toString());
        assertThat(usage.get(1).path("sessions").asLong()).isEqualTo(1);
        JsonNode usageUtc = api().get("/api/dashboard/usage?days=2", b.token()).body().path("days");
        if (utcDay.equals(LocalDate.now(ZoneId.of("UTC")).minusDays(1))) {
            assertThat(usageUtc.get(0).path("sessions").asLong()).as("UTC's yesterday").isEqualTo(1);
        }

        // back to UTC: the same payment counts on UTC's day, and stored sums of the old zone are not read
        api().send("PUT", "/api/tenant/time-zone", json("timeZone", "UTC"), a.token(), Map.of());
        assertThat(api().get("/api/reports/revenue/daily" + range, a.token()).body().path("rows").get(0)
                .path("day").asString()).isEqualTo(utcDay.toString());
    }

    @Test
    void onlyAdminsChangeItAndOnlyToKnownZones() {
        TestTenant a = registerTenant("tz_bad");
        for (String bad : List.of("Mars/Olympus", "+03:00", "EAT", "")) {
            var refused = api().send("PUT", "/api/tenant/time-zone", json("timeZone", bad), a.token(), Map.of());
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().path("detail").asString()).startsWith("timeZone");
        }
        String operator = "op@" + a.slug() + ".test";
        assertThat(api().post("/api/staff", json("email", operator, "password", PASSWORD, "roles",
                List.of("operator")), a.token()).status()).isEqualTo(201);
        assertThat(api().send("PUT", "/api/tenant/time-zone", json("timeZone", "Africa/Nairobi"),
                login(operator, PASSWORD), Map.of()).status()).isEqualTo(403);
        assertThat(api().get("/api/tenant", a.token()).text("timeZone")).isEqualTo("UTC");
    }

    private String cash(TestTenant t) {
        var pkg = api().post("/api/packages", json("type", "hotspot", "name", "TZ day", "price", 25,
                "durationValue", 1, "durationUnit", "days", "uploadKbps", 512, "downloadKbps", 1024), t.token());
        assertThat(pkg.status()).as(pkg.body().toString()).isEqualTo(201);
        var paid = api().post("/api/payments/cash", json("amount", 25, "purpose", "HOTSPOT_PACKAGE",
                "reference", pkg.text("id"), "phone", "0712000999"), t.token());
        assertThat(paid.status()).as(paid.body().toString()).isEqualTo(201);
        return paid.text("id");
    }

    private void session(TestTenant t, Instant start) {
        String unique = UUID.randomUUID().toString();
        var at = java.sql.Timestamp.from(start);
        gateway.inTenant(new TenantId(UUID.fromString(t.id())), sql -> {
            long id = sql.sql("""
                            insert into radacct (acctsessionid, acctuniqueid, username, nasipaddress, acctstarttime,
                                                 acctupdatetime, acctstoptime, acctinputoctets, acctoutputoctets)
                            values (?, ?, 'tz-user', '10.64.0.1', ?, ?, ?, 5, 5) returning radacctid""")
                    .params(unique.substring(0, 8), unique, at, at, at).query(Long.class).single();
            return sql.sql("""
                            insert into radacct_sessions (acctuniqueid, acctstarttime, radacctid, username,
                                                          nasipaddress, acctstoptime, acctupdatetime)
                            values (?, ?, ?, 'tz-user', '10.64.0.1', ?, ?)""")
                    .params(unique, at, id, at, at).update();
        });
    }

    private void sql(TestTenant t, String statement, Object... params) {
        gateway.inTenant(new TenantId(UUID.fromString(t.id())), q -> q.sql(statement).params(params).update());
    }
}
