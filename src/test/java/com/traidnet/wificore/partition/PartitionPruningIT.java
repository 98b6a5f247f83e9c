package com.traidnet.wificore.partition;

import com.traidnet.wificore.support.IntegrationTest;
import com.traidnet.wificore.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product's frequent queries touch few partitions: asserted on the text of {@code EXPLAIN},
 * with 18 day partitions (ten days back, today, seven ahead) and rows in each.
 */
class PartitionPruningIT extends IntegrationTest {

    private static final Pattern SCANNED = Pattern.compile(" on (radacct|radpostauth)_(p\\d{8}|default)\\b");

    @Autowired
    PartitionMaintenance maintenance;
    @Autowired
    JdbcClient sql;
    @Autowired
    DataSource dataSource;

    private String schema;
    private LocalDate today;

    @BeforeEach
    void tenantWithEighteenDays() {
        schema = "ts_" + registerTenant("prune").slug();
        Instant now = Instant.now();
        today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (int d = -10; d <= 7; d++) {
            Instant at = today.plusDays(d).atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(12));
            for (String user : List.of("alice", "bob")) {
                String id = user + d;
                sql.sql("insert into " + schema + ".radacct (acctsessionid, acctuniqueid, username, nasipaddress,"
                                + " acctstarttime, acctstoptime, acctinputoctets, acctoutputoctets)"
                                + " values (?, ?, ?, '10.0.0.1', ?, ?, 100, 200)")
                        .params(id, id, user, Timestamp.from(at), d == 0 ? null : Timestamp.from(at.plusSeconds(60)))
                        .update();
                sql.sql("insert into " + schema + ".radacct_sessions (acctuniqueid, acctstarttime, radacctid, username,"
                                + " nasipaddress, acctstoptime, acctupdatetime)"
                                + " select acctuniqueid, acctstarttime, radacctid, username, nasipaddress, acctstoptime,"
                                + " acctstarttime from " + schema + ".radacct where acctuniqueid = ?")
                        .param(id).update();
                sql.sql("insert into " + schema + ".radpostauth (username, reply, authdate) values (?, 'Access-Accept', ?)")
                        .params(user, Timestamp.from(at)).update();
            }
        }
        // the ten past days sat in the default partitions; maintenance gives them their own
        var report = maintenance.with(maintenance.tables(), new MutableClock(now))
                .maintain(new MaintenanceRequest(MaintenanceRequest.Trigger.TEST, schema.substring(3), false));
        assertThat(report.rowsMoved()).isEqualTo(2 * 10 * 2);
        sql.sql("analyze " + schema + ".radacct").update();
        sql.sql("analyze " + schema + ".radpostauth").update();
    }

    @Test
    void openSessionsOfAUserProbeOnlyTheDayEachSessionStarted() {
        // the shape of GET /api/sessions?open=true&username=…: the small radacct_sessions first, then
        // radacct by its key, which prunes to one partition per row at run time
        String plan = explain("explain (analyze, costs off, timing off, summary off)"
                + " select r.* from (select acctuniqueid, acctstarttime from " + schema + ".radacct_sessions"
                + "   where acctstoptime is null and username = 'alice' order by acctstarttime desc limit 50) s"
                + " cross join lateral (select * from " + schema + ".radacct where acctuniqueid = s.acctuniqueid"
                + "   and acctstarttime = s.acctstarttime limit 1) r");

        assertThat(executed(plan)).containsExactly(name("radacct", today));
        assertThat(scanned(plan)).hasSizeGreaterThan(10); // the others are in the plan but never executed
    }

    @Test
    void oneUsersUsageThisMonthReadsOnlyThisMonthsDays() {
        LocalDate first = today.withDayOfMonth(1);
        String range = "acctstarttime >= '" + first + " 00:00:00+00' and acctstarttime < '" + first.plusMonths(1)
                + " 00:00:00+00'";
        String plan = explain("explain (costs off) select sum(acctinputoctets + acctoutputoctets) from " + schema
                + ".radacct where username = 'alice' and " + range);

        var expected = new TreeSet<String>();
        for (int d = -10; d <= 7; d++) {
            if (today.plusDays(d).getMonth() == today.getMonth()) {
                expected.add(name("radacct", today.plusDays(d)));
            }
        }
        if (today.minusDays(10).isAfter(first) || today.plusDays(7).isBefore(first.plusMonths(1).minusDays(1))) {
            expected.add("radacct_default"); // some days of the month have no partition: rows could be there
        }
        assertThat(scanned(plan)).containsExactlyElementsOf(expected);

        // as a prepared statement's generic plan, the same pruning happens at executor start-up
        String generic = explainPrepared("prepare usage(text, timestamptz, timestamptz) as"
                        + " select sum(acctinputoctets + acctoutputoctets) from " + schema + ".radacct"
                        + " where username = $1 and acctstarttime >= $2 and acctstarttime < $3",
                "explain (analyze, costs off, timing off, summary off) execute usage('alice', '" + first
                        + " 00:00:00+00', '" + first.plusMonths(1) + " 00:00:00+00')");
        assertThat(generic).contains("Subplans Removed: " + (19 - expected.size()));
    }

    @Test
    void todaysPostAuthLogReadsOnlyTodaysPartition() {
        String plan = explain("explain (costs off) select count(*) from " + schema + ".radpostauth where authdate >= '"
                + today + " 00:00:00+00' and authdate < '" + today.plusDays(1) + " 00:00:00+00'");

        assertThat(scanned(plan)).containsExactly(name("radpostauth", today));
    }

    @Test
    void aUsersSessionsOfTheLastSevenDaysReadSevenPartitions() {
        String plan = explain("explain (costs off) select * from " + schema + ".radacct where username = 'bob'"
                + " and acctstarttime >= '" + today.minusDays(6) + " 00:00:00+00' and acctstarttime < '"
                + today.plusDays(1) + " 00:00:00+00' order by acctstarttime desc limit 50");

        assertThat(scanned(plan)).hasSize(7).allSatisfy(p -> assertThat(p).startsWith("radacct_p"));
    }

    private String explain(String statement) {
        return String.join("\n", sql.sql(statement).query(String.class).list());
    }

    private String explainPrepared(String prepare, String explain) {
        try (Connection c = dataSource.getConnection(); var st = c.createStatement()) {
            st.execute("set plan_cache_mode = force_generic_plan");
            st.execute(prepare);
            List<String> lines = new ArrayList<>();
            try (var rs = st.executeQuery(explain)) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
            st.execute("deallocate usage");
            st.execute("reset plan_cache_mode");
            return String.join("\n", lines);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every partition the plan has a scan node for. */
    private static TreeSet<String> scanned(String plan) {
        var names = new TreeSet<String>();
        Matcher m = SCANNED.matcher(plan);
        while (m.find()) {
            names.add(m.group(1) + "_" + m.group(2));
        }
        return names;
    }

    /** The partitions whose scan actually ran (EXPLAIN ANALYZE marks the others "never executed"). */
    private static List<String> executed(String plan) {
        return plan.lines().filter(l -> SCANNED.matcher(l).find() && !l.contains("never executed"))
                .map(l -> {
                    Matcher m = SCANNED.matcher(l);
                    m.find();
                    return m.group(1) + "_" + m.group(2);
                }).distinct().toList();
    }

    private static String name(String table, LocalDate day) {
        return PartitionPlanner.partitionName(table, day);
    }
}
