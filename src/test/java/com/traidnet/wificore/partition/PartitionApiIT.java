package com.traidnet.wificore.partition;

import com.traidnet.wificore.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/platform/partitions}: status, runs and a run on demand, for platform admins only; metrics. */
class PartitionApiIT extends IntegrationTest {

    @Test
    void platformAdminSeesEachTenantsTablesAndRuns() {
        var tenant = registerTenant("papi");
        String admin = platformAdminToken();

        var status = api().get("/api/platform/partitions?tenant=" + tenant.slug(), admin);
        assertThat(status.status()).isEqualTo(200);
        var items = status.body().path("items");
        assertThat(items.size()).isEqualTo(3); // radacct, radpostauth, water_transactions
        assertThat(items.get(0).path("table").asString()).isEqualTo("radacct");
        assertThat(items.get(0).path("state").asString()).isEqualTo("ok");
        assertThat(items.get(0).path("partitionCount").asInt()).isEqualTo(8);
        assertThat(items.get(0).path("rowsInDefault").asLong()).isZero();
        assertThat(items.get(0).path("oldestPartition").asString()).startsWith("radacct_p");
        assertThat(items.get(0).path("lastRunAt").asString()).isNotBlank();
        assertThat(items.get(1).path("table").asString()).isEqualTo("radpostauth");
        assertThat(items.get(2).path("table").asString()).isEqualTo("water_transactions");

        var runs = api().get("/api/platform/partitions/runs?size=200", admin);
        assertThat(runs.status()).isEqualTo(200);
        assertThat(runs.body().path("items").valueStream()
                .anyMatch(r -> r.path("scope").asString().equals(tenant.slug())
                        && r.path("trigger").asString().equals("tenant")
                        && r.path("created").asInt() == 24)).isTrue();
    }

    @Test
    void aRunOnDemandAndItsDryRun() {
        var tenant = registerTenant("pdry");
        String admin = platformAdminToken();

        var dry = api().post("/api/platform/partitions/maintain?dryRun=true&tenant=" + tenant.slug(), null, admin);
        assertThat(dry.status()).as(dry.body().toString()).isEqualTo(200);
        assertThat(dry.body().path("outcome").asString()).isEqualTo("COMPLETED");
        assertThat(dry.body().path("dryRun").asBoolean()).isTrue();
        assertThat(dry.body().path("created").asInt()).isZero();
        assertThat(dry.body().path("tables").asInt()).isEqualTo(3);

        var unknown = api().post("/api/platform/partitions/maintain?tenant=no_such_tenant", null, admin);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(api().get("/api/platform/partitions?state=broken", admin).status()).isEqualTo(400);
    }

    @Test
    void tenantStaffCannotSeeIt() {
        var tenant = registerTenant("pdeny");
        assertThat(api().get("/api/platform/partitions", tenant.token()).status()).isEqualTo(403);
        assertThat(api().post("/api/platform/partitions/maintain", null, tenant.token()).status()).isEqualTo(403);
        assertThat(api().get("/api/platform/partitions", null).status()).isEqualTo(401);
    }

    @Test
    void metricsPerTable() throws Exception {
        registerTenant("pmet");
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).containsPattern("wificore_partitions\\{[^}]*table=\"radacct\"[^}]*} [1-9]")
                .contains("wificore_partitions_default_rows{").contains("wificore_partitions_errors{")
                .contains("wificore_partitions_last_run_age_seconds");
    }
}
