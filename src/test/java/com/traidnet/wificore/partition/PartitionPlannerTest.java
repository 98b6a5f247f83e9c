package com.traidnet.wificore.partition;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionPlannerTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");
    private static final ManagedTable RADACCT = ManagedTable.parse("tenant radacct acctstarttime");

    @Test
    void aFreshTableGetsTodayAndSevenDaysAhead() {
        Plan plan = PartitionPlanner.plan(RADACCT, UTC, day("2026-11-26"), empty());

        assertThat(names(plan.creates())).containsExactly("radacct_p20261126", "radacct_p20261127",
                "radacct_p20261128", "radacct_p20261129", "radacct_p20261130", "radacct_p20261201",
                "radacct_p20261202", "radacct_p20261203");
        Plan.Create first = plan.creates().getFirst();
        assertThat(first.from()).isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
        assertThat(first.to()).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
        assertThat(plan.retires()).isEmpty();
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void whatExistsIsNotCreatedAgainAndTheNextDayAddsOne() {
        var state = state(UTC, day("2026-11-26"), day("2026-12-03"));
        assertThat(PartitionPlanner.plan(RADACCT, UTC, day("2026-11-26"), state).isEmpty()).isTrue();

        Plan tomorrow = PartitionPlanner.plan(RADACCT, UTC, day("2026-11-27"), state);
        assertThat(names(tomorrow.creates())).containsExactly("radacct_p20261204");
        assertThat(tomorrow.retires()).isEmpty();
    }

    @Test
    void monthAndYearEnds() {
        Plan plan = PartitionPlanner.plan(RADACCT, UTC, day("2026-12-28"), empty());
        assertThat(names(plan.creates())).containsExactly("radacct_p20261228", "radacct_p20261229",
                "radacct_p20261230", "radacct_p20261231", "radacct_p20270101", "radacct_p20270102",
                "radacct_p20270103", "radacct_p20270104");
        Plan.Create newYear = plan.creates().get(3);
        assertThat(newYear.to()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(plan.creates().get(4).from()).isEqualTo(newYear.to());

        var february = PartitionPlanner.plan(RADACCT, UTC, day("2026-02-27"), empty());
        assertThat(names(february.creates())).startsWith("radacct_p20260227", "radacct_p20260228", "radacct_p20260301");
        var leap = PartitionPlanner.plan(RADACCT, UTC, day("2028-02-27"), empty());
        assertThat(names(leap.creates())).startsWith("radacct_p20280227", "radacct_p20280228", "radacct_p20280229",
                "radacct_p20280301");
    }

    @Test
    void adjacentPartitionsLeaveNoGapAcrossDaylightSaving() {
        for (ZoneId zone : List.of(UTC, LONDON, NAIROBI)) {
            Plan plan = PartitionPlanner.plan(ManagedTable.parse("tenant radacct acctstarttime premake=366"), zone,
                    day("2026-01-01"), empty());
            for (int i = 1; i < plan.creates().size(); i++) {
                assertThat(plan.creates().get(i).from()).isEqualTo(plan.creates().get(i - 1).to());
            }
            assertThat(plan.creates()).hasSize(367);
        }
    }

    @Test
    void inLondonTheSpringForwardDayHas23HoursAndTheFallBackDay25() {
        Plan spring = PartitionPlanner.plan(ManagedTable.parse("tenant radacct acctstarttime premake=2"), LONDON,
                day("2026-03-28"), empty());
        Plan.Create march29 = spring.creates().get(1);
        assertThat(march29.name()).isEqualTo("radacct_p20260329");
        assertThat(march29.from()).isEqualTo(Instant.parse("2026-03-29T00:00:00Z")); // GMT midnight
        assertThat(march29.to()).isEqualTo(Instant.parse("2026-03-29T23:00:00Z"));   // BST midnight
        assertThat(Duration.between(march29.from(), march29.to())).isEqualTo(Duration.ofHours(23));

        Plan autumn = PartitionPlanner.plan(ManagedTable.parse("tenant radacct acctstarttime premake=2"), LONDON,
                day("2026-10-24"), empty());
        Plan.Create october25 = autumn.creates().get(1);
        assertThat(october25.name()).isEqualTo("radacct_p20261025");
        assertThat(october25.from()).isEqualTo(Instant.parse("2026-10-24T23:00:00Z"));
        assertThat(october25.to()).isEqualTo(Instant.parse("2026-10-26T00:00:00Z"));
        assertThat(Duration.between(october25.from(), october25.to())).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void nairobiHasNoDaylightSavingAndItsDaysStartAt21Utc() {
        Plan plan = PartitionPlanner.plan(RADACCT, NAIROBI, day("2026-03-28"), empty());
        for (Plan.Create c : plan.creates()) {
            assertThat(Duration.between(c.from(), c.to())).isEqualTo(Duration.ofHours(24));
        }
        assertThat(plan.creates().get(1).name()).isEqualTo("radacct_p20260329");
        assertThat(plan.creates().get(1).from()).isEqualTo(Instant.parse("2026-03-28T21:00:00Z"));
    }

    @Test
    void partitionsEndingAtOrBeforeTodayMinusRetentionAreRetiredOldestFirst() {
        var table = ManagedTable.parse("tenant radacct acctstarttime retention=90");
        var state = state(UTC, day("2026-08-20"), day("2026-12-03"));

        Plan plan = PartitionPlanner.plan(table, UTC, day("2026-11-26"), state);

        // 2026-11-26 − 90 days = 2026-08-28: that day is kept, the eight before it go
        assertThat(names(plan.retires())).containsExactly("radacct_p20260820", "radacct_p20260821",
                "radacct_p20260822", "radacct_p20260823", "radacct_p20260824", "radacct_p20260825",
                "radacct_p20260826", "radacct_p20260827");
        assertThat(plan.creates()).isEmpty();
    }

    @Test
    void retentionZeroKeepsOnlyToday() {
        var table = ManagedTable.parse("platform jobs enqueued_at premake=1 retention=0");
        Plan plan = PartitionPlanner.plan(table, UTC, day("2026-11-26"), state("jobs", UTC, day("2026-11-24"), day("2026-11-27")));
        assertThat(names(plan.retires())).containsExactly("jobs_p20261124", "jobs_p20261125");
        assertThat(plan.creates()).isEmpty();
    }

    @Test
    void rowsInTheDefaultPartitionGetTheirDaysPartitionPastDaysAfterTheComingOnes() {
        var state = new TableState(List.of(), "radacct_default",
                Map.of(day("2026-11-21"), 3L, day("2026-11-29"), 2L, day("2026-11-20"), 1L));

        Plan plan = PartitionPlanner.plan(RADACCT, UTC, day("2026-11-26"), state);

        assertThat(names(plan.creates())).containsExactly("radacct_p20261126", "radacct_p20261127",
                "radacct_p20261128", "radacct_p20261129", "radacct_p20261130", "radacct_p20261201",
                "radacct_p20261202", "radacct_p20261203", "radacct_p20261121", "radacct_p20261120");
        assertThat(plan.creates().get(3).rowsToMove()).isEqualTo(2);
        assertThat(plan.creates().get(8).rowsToMove()).isEqualTo(3);
        assertThat(plan.rowsLeftInDefault()).isZero();
    }

    @Test
    void defaultRowsOlderThanRetentionAreMovedAndThenRetiredLikeTheirDay() {
        var table = ManagedTable.parse("tenant radacct acctstarttime retention=30");
        var state = new TableState(List.of(), "radacct_default", Map.of(day("2026-09-01"), 5L));

        Plan plan = PartitionPlanner.plan(table, UTC, day("2026-11-26"), state);

        assertThat(names(plan.creates())).contains("radacct_p20260901");
        assertThat(names(plan.retires())).containsExactly("radacct_p20260901");
    }

    @Test
    void rowsFarInTheFutureStayInTheDefaultAndAreReported() {
        var state = new TableState(List.of(), "radacct_default", Map.of(day("2031-01-01"), 4L));

        Plan plan = PartitionPlanner.plan(RADACCT, UTC, day("2026-11-26"), state);

        assertThat(names(plan.creates())).doesNotContain("radacct_p20310101").hasSize(8);
        assertThat(plan.rowsLeftInDefault()).isEqualTo(4);
        assertThat(plan.warnings()).singleElement().asString().contains("2031-01-01", "default partition");
    }

    @Test
    void aPartitionWithOtherBoundsIsNeitherOverlappedNorRetired() {
        var december = new Partition("radacct_2026_12", Instant.parse("2026-12-01T00:00:00Z"),
                Instant.parse("2027-01-01T00:00:00Z"));
        var ancient = new Partition("radacct_old", Instant.parse("2001-01-01T00:00:00Z"),
                Instant.parse("2002-01-01T00:00:00Z"));
        var unbounded = new Partition("radacct_before", null, null);
        var state = new TableState(List.of(december, ancient, unbounded), "radacct_default",
                Map.of(day("2026-12-02"), 7L));

        Plan plan = PartitionPlanner.plan(RADACCT, UTC, day("2026-11-28"), state);

        assertThat(names(plan.creates())).containsExactly("radacct_p20261128", "radacct_p20261129",
                "radacct_p20261130");
        assertThat(plan.retires()).isEmpty();
        assertThat(plan.warnings()).hasSize(5).allSatisfy(w -> assertThat(w).contains("radacct_2026_12"));
        assertThat(plan.rowsLeftInDefault()).isEqualTo(7);
    }

    @Test
    void changingTheZoneLeavesTheOldDaysAloneAndSaysSo() {
        var utcDays = state(UTC, day("2026-11-26"), day("2026-12-03"));

        Plan plan = PartitionPlanner.plan(RADACCT, NAIROBI, day("2026-11-27"), utcDays);

        assertThat(plan.creates()).isEmpty(); // every Nairobi day overlaps two UTC days
        assertThat(plan.warnings()).hasSize(8);
    }

    private static TableState empty() {
        return new TableState(List.of(), "radacct_default", Map.of());
    }

    private static TableState state(ZoneId zone, LocalDate first, LocalDate last) {
        return state("radacct", zone, first, last);
    }

    /** Day partitions from first to last inclusive, as the planner would have made them. */
    private static TableState state(String table, ZoneId zone, LocalDate first, LocalDate last) {
        List<Partition> partitions = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            partitions.add(new Partition(PartitionPlanner.partitionName(table, d),
                    PartitionPlanner.startOf(d, zone), PartitionPlanner.startOf(d.plusDays(1), zone)));
        }
        return new TableState(partitions, table + "_default", Map.of());
    }

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    private static List<String> names(List<?> steps) {
        return steps.stream().map(s -> s instanceof Plan.Create c ? c.name() : ((Plan.Retire) s).name()).toList();
    }
}
