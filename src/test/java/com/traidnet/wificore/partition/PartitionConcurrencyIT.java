package com.traidnet.wificore.partition;

import com.traidnet.wificore.support.IntegrationTest;
import com.traidnet.wificore.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounting rows written in a loop — some for days that have a partition, some for days that
 * do not yet (they land in the default partition) — while maintenance creates partitions, moves
 * rows out of the default partition and attaches, day after day: no row is lost or doubled.
 */
class PartitionConcurrencyIT extends IntegrationTest {

    private static final int DAYS = 16;

    @Autowired
    PartitionMaintenance maintenance;
    @Autowired
    DataSource dataSource;

    @Test
    void maintenanceWhileAccountingIsWrittenLosesNoRow() throws Exception {
        String slug = registerTenant("busy").slug();
        String schema = "ts_" + slug;
        var clock = new MutableClock(Instant.now().minus(Duration.ofDays(12)));
        var engine = maintenance.with(List.of(ManagedTable.parse("tenant radacct acctstarttime premake=3 retention=3650")),
                clock);
        var stop = new AtomicBoolean();
        var written = new AtomicInteger();
        var retried = new AtomicInteger();
        var failure = new AtomicReference<Throwable>();
        Thread writer = Thread.ofPlatform().name("accounting-writer").start(() -> {
            try (Connection c = dataSource.getConnection();
                 var insert = c.prepareStatement("insert into " + schema + ".radacct (acctsessionid, acctuniqueid,"
                         + " username, nasipaddress, acctstarttime) values (?, ?, 'bob', '10.0.0.9', ?)")) {
                c.setAutoCommit(true);
                for (int i = 0; !stop.get() || written.get() < 200; i++) {
                    // spread over six days before to six days after the maintenance's today, which moves:
                    // the days more than premake ahead land in the default partition until a pass moves them
                    Instant start = clock.instant().plus(Duration.ofDays(i % 13 - 6)).plusSeconds(i % 3600);
                    insert.setString(1, "s" + i); // i is unique, so is (acctuniqueid, acctstarttime)
                    insert.setString(2, "u" + i);
                    insert.setTimestamp(3, Timestamp.from(start));
                    while (true) {
                        try {
                            insert.executeUpdate();
                            written.incrementAndGet();
                            break;
                        } catch (SQLException e) {
                            // routed to the default partition just as a partition for that day was
                            // attached: PostgreSQL refuses the row, the writer sends it again (RADIUS
                            // retries a failed batch packet by packet the same way)
                            if (!"23514".equals(e.getSQLState())) {
                                throw e;
                            }
                            retried.incrementAndGet();
                        }
                    }
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        int moved = 0;
        for (int day = 0; day < DAYS; day++) {
            MaintenanceReport report = engine.maintain(
                    new MaintenanceRequest(MaintenanceRequest.Trigger.TEST, slug, false));
            assertThat(report.errors()).as(report.tables().toString()).isZero();
            moved += (int) report.rowsMoved();
            clock.advance(Duration.ofDays(1));
            int due = written.get() + 50; // let the writer put rows into the new day's range before the next pass
            while (written.get() < due && failure.get() == null && writer.isAlive()) {
                Thread.sleep(1);
            }
        }
        stop.set(true);
        writer.join();
        assertThat(failure.get()).isNull();
        MaintenanceReport last = engine.maintain(new MaintenanceRequest(MaintenanceRequest.Trigger.TEST, slug, false));
        moved += (int) last.rowsMoved();

        try (Connection c = dataSource.getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("select count(*), count(distinct acctuniqueid),"
                     + " count(*) filter (where tableoid = '" + schema + ".radacct_default'::regclass)"
                     + " from " + schema + ".radacct")) {
            rs.next();
            assertThat(rs.getLong(1)).as("rows").isEqualTo(written.get());
            assertThat(rs.getLong(2)).as("distinct rows").isEqualTo(written.get());
            assertThat(rs.getLong(3)).as("left in the default partition").isZero();
        }
        assertThat(moved).as("rows moved out of the default partition").isPositive();
        System.out.printf("wrote %d accounting rows during %d maintenance passes; %d moved out of the default"
                + " partition; %d insert(s) retried after a concurrent attach%n", written.get(), DAYS + 1, moved,
                retried.get());
    }
}
