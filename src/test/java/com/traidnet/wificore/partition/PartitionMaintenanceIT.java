package com.traidnet.wificore.partition;

import com.traidnet.wificore.support.IntegrationTest;
import com.traidnet.wificore.support.MutableClock;
import com.traidnet.wificore.tenant.TenantGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Maintenance against the real database with a clock the test moves: partitions appear and go
 * as days pass, rows land in (or are moved to) their day, retired partitions are archived or
 * dumped, and two passes at once do the work once.
 */
class PartitionMaintenanceIT extends IntegrationTest {

    @Autowired
    PartitionMaintenance maintenance;
    @Autowired
    JdbcClient sql;
    @Autowired
    DataSource dataSource;
    @Autowired
    PartitionDumps dumps;
    @Autowired
    PartitionRuns runs;
    @Autowired
    TenantGateway gateway;

    private MutableClock clock;
    private LocalDate today;
    private String slug;
    private String schema;

    @BeforeEach
    void tenant() {
        clock = new MutableClock(Instant.now());
        today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        slug = registerTenant("parts").slug();
        schema = "ts_" + slug;
    }

    @Test
    void aNewTenantHasTodayAndSevenDaysAheadAndAStatus() {
        assertThat(partitions("radacct")).containsExactlyElementsOf(days("radacct", today, today.plusDays(7)));
        assertThat(partitions("radpostauth")).containsExactlyElementsOf(days("radpostauth", today, today.plusDays(7)));
        // partition_status is behind row-level security: read it in the platform scope
        var status = gateway.inPlatform(q -> q.sql("select table_name, state, partition_count, rows_in_default"
                        + " from partition_status where tenant = ? order by table_name").param(slug)
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3) + " " + rs.getLong(4))
                .list());
        assertThat(status).containsExactly("radacct ok 8 0", "radpostauth ok 8 0", "water_transactions ok 8 0");
    }

    @Test
    void advancingTimeCreatesAndRetiresTheRightPartitions() {
        var engine = maintenance.with(List.of(ManagedTable.parse("tenant radacct acctstarttime premake=7 retention=3"),
                ManagedTable.parse("tenant radpostauth authdate premake=2 retention=1")), clock);

        MaintenanceReport first = run(engine);
        assertThat(first.created()).isZero();
        assertThat(first.retired()).isZero();

        clock.advance(Duration.ofDays(1));
        MaintenanceReport second = run(engine);
        assertThat(second.tables()).filteredOn(t -> t.table().equals("radacct")).singleElement()
                .satisfies(t -> assertThat(t.created()).containsExactly(name("radacct", today.plusDays(8))));
        assertThat(partitions("radacct")).containsExactlyElementsOf(days("radacct", today, today.plusDays(8)));

        clock.advance(Duration.ofDays(4)); // today + 5
        run(engine);
        // radacct: retention 3 keeps today+2 … today+5, premake 7 reaches today+12
        assertThat(partitions("radacct")).containsExactlyElementsOf(days("radacct", today.plusDays(2), today.plusDays(12)));
        // radpostauth: retention 1 keeps today+4 …; the premade days up to today+7 stay
        assertThat(partitions("radpostauth")).containsExactlyElementsOf(
                days("radpostauth", today.plusDays(4), today.plusDays(7)));

        MaintenanceReport again = run(engine);
        assertThat(again.created() + again.retired()).as("a second pass on the same day is a no-op").isZero();
    }

    @Test
    void rowsLandInTheirDayAndRowsInTheDefaultPartitionAreMoved() {
        insertAccounting("five-days-ago", clock.instant().minus(Duration.ofDays(5)));
        insertAccounting("three-days-ahead", clock.instant().plus(Duration.ofDays(3)));
        insertAccounting("far-ahead", clock.instant().plus(Duration.ofDays(20)));
        insertAccounting("wild-clock", clock.instant().plus(Duration.ofDays(400)));
        assertThat(partitionOf("three-days-ahead")).isEqualTo(name("radacct", today.plusDays(3)));
        assertThat(partitionOf("five-days-ago")).isEqualTo("radacct_default");
        assertThat(partitionOf("far-ahead")).isEqualTo("radacct_default");

        MaintenanceReport report = run(maintenance.with(maintenance.tables(), clock));

        TableReport radacct = report.tables().stream().filter(t -> t.table().equals("radacct")).findFirst().orElseThrow();
        assertThat(radacct.rowsMoved()).isEqualTo(2);
        assertThat(radacct.created()).containsExactlyInAnyOrder(name("radacct", today.minusDays(5)),
                name("radacct", today.plusDays(20)));
        assertThat(radacct.rowsInDefault()).isEqualTo(1);
        assertThat(radacct.warnings()).singleElement().asString().contains("stay in the default partition");
        assertThat(partitionOf("five-days-ago")).isEqualTo(name("radacct", today.minusDays(5)));
        assertThat(partitionOf("far-ahead")).isEqualTo(name("radacct", today.plusDays(20)));
        assertThat(partitionOf("wild-clock")).isEqualTo("radacct_default");
        String status = gateway.inPlatform(q -> q.sql("select rows_moved, rows_in_default from partition_status"
                        + " where schema_name = ? and table_name = 'radacct'").param(schema)
                .query((rs, n) -> rs.getLong(1) + "/" + rs.getLong(2)).single());
        assertThat(status).isEqualTo("2/1");
    }

    @Test
    void retiredPartitionsAreDumpedToAFileOrDetachedIntoTheArchive() throws Exception {
        var engine = maintenance.with(List.of(ManagedTable.parse("tenant radacct acctstarttime retention=1 keep=dump"),
                ManagedTable.parse("tenant radpostauth authdate retention=1 keep=detach")), clock);
        clock.set(clock.instant().minus(Duration.ofDays(3)));
        run(engine); // creates today-3 … today-1
        insertAccounting("old-session", clock.instant());
        sql.sql("insert into " + schema + ".radpostauth (username, reply, authdate) values ('old-auth', 'Access-Accept', ?)")
                .param(Timestamp.from(clock.instant())).update();

        clock.advance(Duration.ofDays(3));
        MaintenanceReport report = run(engine);

        String oldest = name("radacct", today.minusDays(3));
        assertThat(partitions("radacct")).doesNotContain(oldest, name("radacct", today.minusDays(2)))
                .contains(name("radacct", today.minusDays(1)));
        Path dump = dumps.directory().resolve(schema).resolve(oldest + ".csv.gz");
        List<String> lines = gunzip(dump);
        assertThat(lines.getFirst()).startsWith("radacctid,acctsessionid,acctuniqueid");
        assertThat(lines).hasSize(2).anySatisfy(l -> assertThat(l).contains("old-session"));

        String archived = name("radpostauth", today.minusDays(3));
        assertThat(partitions("radpostauth")).doesNotContain(archived);
        assertThat(sql.sql("select username from archive_" + slug + "." + archived).query(String.class).list())
                .containsExactly("old-auth");
        assertThat(report.retired()).isEqualTo(4);
    }

    @Test
    void retiringRadacctDaysPrunesTheirSessionIndexRows() {
        var engine = maintenance.with(List.of(ManagedTable.parse("tenant radacct acctstarttime retention=1")), clock);
        clock.set(clock.instant().minus(Duration.ofDays(3)));
        run(engine);
        insertSession("old-session", clock.instant());
        clock.advance(Duration.ofDays(3));
        insertSession("todays-session", clock.instant());

        run(engine);

        assertThat(sql.sql("select acctuniqueid from " + schema + ".radacct_sessions").query(String.class).list())
                .containsExactly("todays-session");
    }

    private void insertSession(String uniqueId, Instant start) {
        insertAccounting(uniqueId, start);
        sql.sql("insert into " + schema + ".radacct_sessions (acctuniqueid, acctstarttime, radacctid, username,"
                + " nasipaddress, acctupdatetime) select acctuniqueid, acctstarttime, radacctid, username,"
                + " nasipaddress, acctstarttime from " + schema + ".radacct where acctuniqueid = ?").param(uniqueId)
                .update();
    }

    @Test
    void aDumpInterruptedAfterTheDetachIsFinishedByTheNextRun() throws Exception {
        var engine = maintenance.with(List.of(ManagedTable.parse("tenant radacct acctstarttime retention=1 keep=dump")),
                clock);
        clock.set(clock.instant().minus(Duration.ofDays(2)));
        run(engine);
        insertAccounting("interrupted", clock.instant());
        String day = name("radacct", today.minusDays(2));
        // what a crash between the two transactions of a dump leaves behind
        sql.sql("alter table " + schema + ".radacct detach partition " + schema + "." + day).update();

        clock.advance(Duration.ofDays(2));
        MaintenanceReport report = run(engine);

        assertThat(report.tables().getFirst().retired()).contains(day);
        assertThat(sql.sql("select to_regclass(?) is null").param(schema + "." + day).query(Boolean.class).single())
                .isTrue();
        assertThat(gunzip(dumps.directory().resolve(schema).resolve(day + ".csv.gz")))
                .anySatisfy(l -> assertThat(l).contains("interrupted"));
    }

    @Test
    void aRunAsOfAnEarlierDayCreatesThatDaysWindowButNoDayIsEverPlannedAhead() {
        var engine = maintenance.with(maintenance.tables(), clock);
        MaintenanceReport report = engine.maintain(new MaintenanceRequest(MaintenanceRequest.Trigger.TEST, slug, false,
                today.minusDays(2)));
        assertThat(report.day()).isEqualTo(today.minusDays(2));
        assertThat(partitions("radacct")).containsExactlyElementsOf(days("radacct", today.minusDays(2),
                today.plusDays(7)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.maintain(new MaintenanceRequest(
                        MaintenanceRequest.Trigger.TEST, slug, false, today.plusDays(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("later than today");
    }

    @Test
    void whileAnotherRunHoldsTheLockARunIsSkippedAndChangesNothing() {
        clock.advance(Duration.ofDays(10));
        try (MaintenanceLock held = MaintenanceLock.tryAcquire(dataSource).orElseThrow()) {
            MaintenanceReport report = maintenance.with(maintenance.tables(), clock)
                    .maintain(new MaintenanceRequest(MaintenanceRequest.Trigger.TEST, slug, false));
            assertThat(report.outcome()).isEqualTo(MaintenanceReport.Outcome.SKIPPED);
        }
        assertThat(partitions("radacct")).containsExactlyElementsOf(days("radacct", today, today.plusDays(7)));
    }

    @Test
    void twoRunsAtOnceDoTheWorkOnce() throws Exception {
        clock.advance(Duration.ofDays(30)); // today+30 … today+37 to create, for each of the three tables
        var engine = maintenance.with(maintenance.tables(), clock);
        var barrier = new CyclicBarrier(2);
        List<MaintenanceReport> reports = new ArrayList<>();
        try (ExecutorService two = Executors.newFixedThreadPool(2)) {
            List<Future<MaintenanceReport>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(two.submit(() -> {
                    barrier.await();
                    return engine.maintain(new MaintenanceRequest(MaintenanceRequest.Trigger.TEST, slug, false));
                }));
            }
            for (Future<MaintenanceReport> f : runs) {
                reports.add(f.get());
            }
        }
        assertThat(reports).allSatisfy(r -> assertThat(r.errors()).isZero());
        assertThat(reports.stream().mapToInt(MaintenanceReport::created).sum())
                .as("each partition created by exactly one of the two").isEqualTo(3 * 8);
        assertThat(reports).anySatisfy(r -> assertThat(r.created()).isZero()); // skipped, or found it all done
        List<String> expected = new ArrayList<>(days("radacct", today, today.plusDays(7)));
        expected.addAll(days("radacct", today.plusDays(30), today.plusDays(37)));
        assertThat(partitions("radacct")).containsExactlyElementsOf(expected);
    }

    @Test
    void aCatchUpRunsOnlyWhenTheLastCompleteRunIsOverADayOld() {
        sql.sql("create table if not exists partition_it_events (id bigint generated always as identity,"
                + " at timestamptz not null, primary key (id, at)) partition by range (at)").update();
        sql.sql("create table if not exists partition_it_events_default partition of partition_it_events default")
                .update();
        clock.advance(Duration.ofDays(3650)); // later than any run recorded so far
        var engine = maintenance.with(List.of(ManagedTable.parse("platform partition_it_events at premake=1")), clock);
        var schedule = new PartitionSchedule(engine, runs, engine.settings());

        assertThat(schedule.catchUp()).isTrue();
        assertThat(schedule.catchUp()).as("the run just made is recent").isFalse();
        clock.advance(Duration.ofHours(25));
        assertThat(schedule.catchUp()).isTrue();
        LocalDate then = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        assertThat(sql.sql("select count(*) from pg_inherits where inhparent = 'public.partition_it_events'::regclass"
                + " and inhrelid::regclass::text in (?, ?)").params(name("partition_it_events", then),
                name("partition_it_events", then.plusDays(1))).query(Long.class).single()).isEqualTo(2);
    }

    private MaintenanceReport run(PartitionMaintenance engine) {
        MaintenanceReport report = engine.maintain(new MaintenanceRequest(MaintenanceRequest.Trigger.TEST, slug, false));
        assertThat(report.outcome()).isEqualTo(MaintenanceReport.Outcome.COMPLETED);
        assertThat(report.tables()).allSatisfy(t -> assertThat(t.error()).as(t.toString()).isNull());
        return report;
    }

    private void insertAccounting(String uniqueId, Instant start) {
        sql.sql("insert into " + schema + ".radacct (acctsessionid, acctuniqueid, username, nasipaddress, acctstarttime)"
                        + " values (?, ?, 'alice', '10.0.0.1', ?)")
                .params(uniqueId, uniqueId, Timestamp.from(start)).update();
    }

    private String partitionOf(String uniqueId) {
        return sql.sql("select tableoid::regclass::text from " + schema + ".radacct where acctuniqueid = ?")
                .param(uniqueId).query(String.class).single().replace(schema + ".", "");
    }

    private List<String> partitions(String table) {
        return sql.sql("""
                        select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                        where i.inhparent = to_regclass(?) and pg_get_expr(c.relpartbound, c.oid) <> 'DEFAULT'
                        order by c.relname""")
                .param(schema + "." + table).query(String.class).list();
    }

    private static List<String> days(String table, LocalDate first, LocalDate last) {
        List<String> names = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            names.add(name(table, d));
        }
        return names;
    }

    private static String name(String table, LocalDate day) {
        return PartitionPlanner.partitionName(table, day);
    }

    private static List<String> gunzip(Path file) throws Exception {
        assertThat(Files.exists(file)).as(file.toString()).isTrue();
        try (var in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            return in.lines().toList();
        }
    }
}
