package com.traidnet.wificore.seed;

import com.traidnet.wificore.support.IntegrationTest;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import com.traidnet.wificore.tenant.Tenants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static com.traidnet.wificore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code seed demo} on a small tenant through the operator command's bean, then read back through the API the
 * web app uses; another tenant, seeded by hand before, must be exactly as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedIT extends IntegrationTest {

    static final String SEED_PASSWORD = "seed-it-password-1";

    @Autowired
    SeedCommand command;
    @Autowired
    Tenants tenants;
    @Autowired
    TenantGateway gateway;

    TestTenant other;
    String slug;
    String token;
    String output;

    @BeforeAll
    void seed() {
        other = registerTenant("seedother");
        assertThat(api().post("/api/packages", json("type", "hotspot", "name", "1 Hour", "price", 20,
                "durationValue", 1, "durationUnit", "hours", "uploadKbps", 1024, "downloadKbps", 2048),
                other.token()).status()).isEqualTo(201);
        assertThat(api().post("/api/subscribers", json("kind", "hotspot", "phone", "0711000001",
                "expiresAt", "2030-01-01T00:00:00Z"), other.token())
                .status()).isEqualTo(201);
        slug = uniqueSlug("seeddemo");
        var out = new ByteArrayOutputStream();
        int code = command.run(List.of("demo", "--tenant", slug, "--subscribers", "300", "--sessions", "3000",
                "--days", "7", "--password", SEED_PASSWORD), new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        output = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(output).isZero();
        token = login(slug + "@wificore.test", SEED_PASSWORD);
    }

    @Test
    void printsTheStaffLogin() {
        assertThat(output).contains("sign in as " + slug + "@wificore.test with password " + SEED_PASSWORD);
    }

    @Test
    void packagesAndNasAreThere() {
        JsonNode packages = get("/api/packages?size=50").path("items");
        assertThat(packages.size()).isEqualTo(Catalogue.PLANS.size());
        assertThat(names(packages)).contains("1 Hour", "Home 10 Mbps", "Free 10 Minutes");
        assertThat(packages.get(0).path("currency").asString()).isEqualTo("KES");
        assertThat(names(get("/api/nas").path("items"))).containsExactlyInAnyOrder("Kahawa West hotspot",
                "Githurai 45 hotspot", "Ruiru PPPoE");
        assertThat(get("/api/vouchers/batches").path("items").size()).isEqualTo(5);
    }

    @Test
    void theDemoTenantTakesMpesaThroughTheSimulator() {
        assertThat(output).contains("mpesa", "Daraja simulator (till 174379)");
        JsonNode mpesa = get("/api/billing/mpesa");
        assertThat(mpesa.path("environment").asString()).isEqualTo("simulator");
        assertThat(mpesa.path("shortcode").asString()).isEqualTo("174379");
    }

    @Test
    void waterKiosksCustomersAndDispensesAreThereAndBalancesMatchStatements() {
        assertThat(output).containsPattern("water .*3 dispensers, \\d+ customers, \\d+ dispenses");
        assertThat(get("/api/water/dispensers").path("items").size()).isEqualTo(3);
        assertThat(get("/api/water/transactions?size=5").path("items").size()).isEqualTo(5);
        JsonNode customer = get("/api/water/customers?size=1").path("items").get(0);
        JsonNode statement = get("/api/water/customers/" + customer.path("id").asString() + "/statement?size=200");
        assertThat(statement.path("items").size()).isGreaterThan(1);
        assertThat(customer.path("balance").decimalValue()).isGreaterThanOrEqualTo(new java.math.BigDecimal("200"));
    }

    @Test
    void subscribersHaveTheirRadiusRows() {
        var page = get("/api/subscribers?size=200");
        assertThat(page.path("items").size()).isEqualTo(200);
        assertThat(page.path("hasMore").asBoolean()).isTrue();
        JsonNode pppoe = get("/api/subscribers?kind=pppoe&size=1").path("items").get(0);
        assertThat(pppoe.path("accountNumber").asString()).startsWith("RUI-");
        JsonNode hotspot = get("/api/subscribers?kind=hotspot&status=active&size=1").path("items").get(0);
        assertThat(hotspot.path("username").asString()).matches("254[17]\\d{8}");
        JsonNode radius = get("/api/radius/users/" + hotspot.path("username").asString());
        assertThat(radius.path("passwordType").asString()).isEqualTo("Cleartext-Password");
        assertThat(radius.path("reply").toString()).contains("Mikrotik-Rate-Limit");
        assertThat(get("/api/reports/subscribers").toString()).contains("pppoe", "hotspot");
    }

    @Test
    void sessionsAndPaymentsAreSpreadOverTheDays() {
        assertThat(get("/api/sessions?status=open&size=5").path("items").size()).isPositive();
        JsonNode closed = get("/api/sessions?status=closed&size=5").path("items").get(0);
        assertThat(closed.path("outputOctets").asLong()).isPositive();
        assertThat(get("/api/payments?status=settled&size=5").path("items").size()).isEqualTo(5);
        assertThat(get("/api/payments?status=failed&size=5").path("items").size()).isPositive();
        assertThat(get("/api/reports/revenue/daily").path("rows").size()).isGreaterThanOrEqualTo(5);
        assertThat(get("/api/reports/online").path("sessions").asLong()).isPositive();
        assertThat(get("/api/radius/postauth?result=reject&size=5").path("items").size()).isPositive();
        TenantId id = tenants.findBySlug(slug).orElseThrow().id();
        long inDefault = gateway.inTenant(id, sql -> sql.sql(
                "select (select count(*) from radacct_default) + (select count(*) from radpostauth_default)")
                .query(Long.class).single());
        assertThat(inDefault).as("rows in default partitions").isZero();
    }

    @Test
    void anotherTenantIsUntouchedAndAnExistingSlugIsRefused() {
        assertThat(api().get("/api/packages", other.token()).body().path("items").size()).isEqualTo(1);
        assertThat(api().get("/api/subscribers", other.token()).body().path("items").size()).isEqualTo(1);
        assertThat(api().get("/api/sessions", other.token()).body().path("items").size()).isZero();
        assertThat(api().get("/api/payments", other.token()).body().path("items").size()).isZero();
        assertThat(api().get("/api/nas", other.token()).body().path("items").size()).isZero();

        var err = new ByteArrayOutputStream();
        int again = command.run(List.of("demo", "--tenant", other.slug(), "--subscribers", "10", "--sessions", "10"),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(again).isEqualTo(SeedCommand.EXISTS);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("already exists");
        assertThat(api().get("/api/packages", other.token()).body().path("items").size()).isEqualTo(1);
    }

    private JsonNode get(String path) {
        var response = api().get(path, token);
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static List<String> names(JsonNode items) {
        return items.valueStream().map(n -> n.path("name").asString()).toList();
    }
}
