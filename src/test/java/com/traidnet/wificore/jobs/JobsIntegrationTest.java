package com.traidnet.wificore.jobs;

import com.traidnet.wificore.support.MutableClock;
import com.traidnet.wificore.platform.DatabaseNotifications;
import com.traidnet.wificore.support.IntegrationTest;
import com.traidnet.wificore.tenant.TenantGateway;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Queue tests: fixtures (own queue, handlers, pools) on the application's database, and a test clock. */
abstract class JobsIntegrationTest extends IntegrationTest {

    @Autowired
    TenantGateway gateway;
    @Autowired
    PostgresJobQueue store;
    @Autowired
    JobMetrics metrics;
    @Autowired
    JdbcClient sql;
    @Autowired
    DatabaseNotifications notifications;
    @Autowired
    Wakeups wakeups;
    @Autowired
    EnqueueGroupCommit groupCommit;
    @Autowired
    PostgresEnqueues enqueues;

    final MutableClock clock = MutableClock.startingNow();
    private final List<QueueFixture> fixtures = new ArrayList<>();

    QueueFixture fixture(JobsSettings settings, JobHandler<?>... handlers) {
        return fixture(clock, settings, handlers);
    }

    QueueFixture fixture(MutableClock clock, JobsSettings settings, JobHandler<?>... handlers) {
        var f = new QueueFixture(new QueueFixture.Beans(gateway, store, metrics, sql, wakeups, groupCommit, enqueues), clock, settings,
                handlers);
        fixtures.add(f);
        return f;
    }

    /** Lease 1 min, poll 200 ms, shutdown 5 s. */
    QueueFixture fixture(JobHandler<?>... handlers) {
        return fixture(defaults(), handlers);
    }

    static JobsSettings defaults() {
        return QueueFixture.settings(Duration.ofMinutes(1), Duration.ofMillis(200), Duration.ofSeconds(5));
    }

    @AfterEach
    void closeFixtures() {
        fixtures.forEach(QueueFixture::close);
        fixtures.clear();
    }
}
