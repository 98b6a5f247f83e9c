package com.traidnet.wificore.jobs;

import com.traidnet.wificore.platform.CliCommand;
import com.traidnet.wificore.tenant.TenantId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static com.traidnet.wificore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The platform admin's jobs API and CLI; a tenant's read-only view of its own jobs. */
class JobsApiIT extends JobsIntegrationTest {

    record Doomed(String what) {
    }

    @Autowired
    List<CliCommand> commands;

    @Test
    void platformAdminSeesEveryQueueAndRetriesFailedJobs_tenantStaffAreRefused() {
        var a = registerTenant("jobs_api_a");
        var q = deadJobsOf(new TenantId(UUID.fromString(a.id())), 2);
        String admin = platformAdminToken();

        var overview = api().get("/api/platform/jobs", admin);
        assertThat(overview.status()).isEqualTo(200);
        JsonNode queue = find(overview.body().path("queues"), "queue", q.queue);
        assertThat(queue.path("failed").asInt()).isEqualTo(2);
        assertThat(queue.path("ready").asInt()).isZero();
        String failedId = find(overview.body().path("recentFailures"), "queue", q.queue).path("id").asString();
        assertThat(find(overview.body().path("schedules"), "name", "jobs.clean-up").path("cron").asString())
                .isEqualTo("0 7 * * * *");

        var page = api().get("/api/platform/jobs/failed?queue=" + q.queue + "&size=1", admin);
        assertThat(page.body().path("items")).hasSize(1);
        assertThat(page.body().path("hasMore").asBoolean()).isTrue();

        assertThat(api().get("/api/platform/jobs", a.token()).status()).isEqualTo(403);
        assertThat(api().post("/api/platform/jobs/failed/" + failedId + "/retry", null, a.token()).status())
                .isEqualTo(403);
        assertThat(q.count("failed_jobs")).isEqualTo(2);

        var retried = api().post("/api/platform/jobs/failed/" + failedId + "/retry", null, admin);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.text("queue")).isEqualTo(q.queue);
        JobId fresh = JobId.parseOrNull(retried.text("id"));
        assertThat(fresh).isNotNull();
        assertThat(q.count("failed_jobs")).isEqualTo(1);
        assertThat(tenantOfJob(fresh)).as("keeps its tenant").isEqualTo(a.id());
        assertThat(api().post("/api/platform/jobs/failed/" + failedId + "/retry", null, admin).status())
                .isEqualTo(404);
    }

    @Test
    void aTenantSeesOnlyItsOwnJobs() {
        var a = registerTenant("jobs_iso_a");
        var b = registerTenant("jobs_iso_b");
        var ofA = deadJobsOf(new TenantId(UUID.fromString(a.id())), 1);
        var ofB = deadJobsOf(new TenantId(UUID.fromString(b.id())), 1);

        var aStatus = api().get("/api/jobs", a.token());
        assertThat(aStatus.status()).isEqualTo(200);
        assertThat(find(aStatus.body(), "queue", ofA.queue).path("failed").asInt()).isEqualTo(1);
        assertThat(aStatus.body().toString()).doesNotContain(ofB.queue);
        var aFailed = api().get("/api/jobs/failed", a.token()).body().path("items");
        assertThat(aFailed.toString()).contains(ofA.queue).doesNotContain(ofB.queue).doesNotContain(b.id());
        assertThat(api().get("/api/jobs/failed?queue=" + ofB.queue, a.token()).body().path("items")).isEmpty();

        var operator = api().post("/api/staff", json("email", "op@" + a.slug() + ".test", "password", PASSWORD,
                "roles", List.of("operator")), a.token());
        assertThat(operator.status()).isEqualTo(201);
        assertThat(api().get("/api/jobs", login("op@" + a.slug() + ".test", PASSWORD)).status()).isEqualTo(403);
    }

    @Test
    void theJobsCommandShowsAndRetries() {
        var a = registerTenant("jobs_cli");
        var q = deadJobsOf(new TenantId(UUID.fromString(a.id())), 3);
        CliCommand jobs = commands.stream().filter(c -> c.name().equals("jobs")).findFirst().orElseThrow();

        var status = run(jobs, "status");
        assertThat(status.code()).isZero();
        assertThat(status.out()).containsPattern(q.queue + " +0 +0 +0 +3 +-");

        var failed = run(jobs, "failed", "--queue", q.queue, "--limit", "2");
        assertThat(failed.code()).isZero();
        assertThat(failed.out()).contains("IllegalStateException: cannot " + q.queue).contains("tenant " + a.id());
        String id = failed.out().substring(0, 36);

        var one = run(jobs, "retry", id);
        assertThat(one.code()).isZero();
        assertThat(one.out()).startsWith("re-enqueued " + id + " as job ");
        assertThat(run(jobs, "retry", id).code()).as("no longer failed").isEqualTo(1);

        var all = run(jobs, "retry", "--all", "--queue", q.queue);
        assertThat(all.out()).contains("re-enqueued 2 failed job(s)");
        assertThat(q.count("failed_jobs")).isZero();
        assertThat(q.count("jobs")).isEqualTo(3);

        assertThat(run(jobs).code()).isEqualTo(2);
        assertThat(run(jobs, "explode").code()).isEqualTo(2);
        assertThat(run(jobs, "retry", "not-an-id").code()).isEqualTo(2);
        assertThat(run(jobs, "retry", id, "--all").code()).isEqualTo(2);
        assertThat(run(jobs, "failed", "--limit", "0").err()).contains("--limit must be 1..10000");
        assertThat(jobs.usage()).contains("jobs retry ID | --all");
    }

    /** A queue of this test with {@code n} dead jobs of {@code tenant} (one attempt each, all failed). */
    private QueueFixture deadJobsOf(TenantId tenant, int n) {
        var q = fixture(QueueFixture.handler(Doomed.class, (d, ctx) -> {
            throw new IllegalStateException("cannot " + d.what());
        }));
        for (int i = 0; i < n; i++) {
            q.jobs.enqueue(new Doomed(q.queue), q.options().tenant(tenant).maxAttempts(1));
        }
        WorkerPool node = q.node(2);
        await().atMost(30, TimeUnit.SECONDS).until(() -> q.count("failed_jobs") == n);
        node.shutdown();
        return q;
    }

    private String tenantOfJob(JobId id) {
        return gateway.inPlatform(sql -> sql.sql("select tenant_id::text from jobs where id = ?").param(id.value())
                .query(String.class).single());
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (value.equals(node.path(field).asString())) {
                return node;
            }
        }
        throw new AssertionError("no element with " + field + " = " + value + " in " + array);
    }

    record Ran(int code, String out, String err) {
    }

    private static Ran run(CliCommand command, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Ran(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
