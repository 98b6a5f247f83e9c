package com.traidnet.wificore.seed;

import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Weeks of accounting as MikroTik reports it: hotspot sessions of minutes to hours, PPPoE sessions of hours,
 * octets at a plausible rate (downloads ten times the uploads), the evening peak, and every session that would
 * still be running now left open (no stop time, a recent Interim-Update). Rows go straight into their day
 * partitions (created first); {@code radacct_sessions}, the index of sessions the RADIUS server keeps next to
 * radacct, is filled from them.
 */
final class SessionRows {

    static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");
    private static final String COLUMNS = """
            radacctid, acctsessionid, acctuniqueid, username, nasipaddress, nasportid, nasporttype, acctstarttime,
            acctupdatetime, acctstoptime, acctinterval, acctsessiontime, acctauthentic, acctinputoctets,
            acctoutputoctets, calledstationid, callingstationid, acctterminatecause, servicetype, framedprotocol,
            framedipaddress, nas_id""";
    private static final String[] CAUSES = {"User-Request", "Idle-Timeout", "Session-Timeout", "Lost-Carrier",
            "Lost-Service", "Admin-Reset", "NAS-Reboot"};
    private static final int[] CAUSE_WEIGHTS = {25, 35, 25, 10, 3, 1, 1};
    private static final String[] REJECTS = {"account expired", "wrong password", "simultaneous use limit reached",
            "Calling-Station-Id not allowed", "unknown user", "data quota used up"};

    /**
     * The interim interval the seeded sessions claim. No NAS sends Interim-Updates for them, so the stale-session
     * sweep closes the open ones after twice this plus a grace: at MikroTik's common 5 minutes the demo would show
     * nobody online a quarter of an hour after seeding; at an hour (also a setting operators use) it shows them
     * for about two.
     */
    static final int INTERIM_SECONDS = 3_600;

    record Counts(long sessions, long open) {
    }

    private SessionRows() {
    }

    static Counts copy(JdbcClient sql, DataSource db, List<Population.Person> people, List<Catalogue.Nas> nas,
                       int count, int days, Instant now, SplittableRandom random) {
        if (count == 0) {
            return new Counts(0, 0);
        }
        long firstId = reserveIds(sql, count);
        long open = 0;
        var online = new java.util.BitSet(people.size()); // one open session per customer: a device stays logged in
        try (var rows = new CopyRows(db, "radacct", COLUMNS)) {
            for (int i = 0; i < count; i++) {
                Population.Person p = people.get(heavyUser(people.size(), random));
                Catalogue.Nas n = nas.get(p.nas());
                Instant start = startTime(p.createdAt(), days, now, random);
                long planned = p.hotspot() ? hotspotSeconds(random) : 3_600L + random.nextLong(20 * 3_600L);
                long sinceStart = now.getEpochSecond() - start.getEpochSecond();
                boolean running = planned > sinceStart && !online.get(p.n());
                if (running) {
                    online.set(p.n());
                }
                // a session that would overlap the customer's open one ended before it: at least a second long
                long seconds = running ? sinceStart : Math.max(1, Math.min(planned, sinceStart - 30));
                if (!running && start.plusSeconds(seconds).isAfter(now)) {
                    start = now.minusSeconds(seconds);
                }
                // bytes per second received by the customer: 10 KB/s to ~250 KB/s, heavier on PPPoE
                double rate = Math.exp(random.nextDouble(Math.log(10_000), Math.log(p.hotspot() ? 180_000 : 260_000)));
                long down = (long) (seconds * rate);
                long up = (long) (down * random.nextDouble(0.04, 0.2));
                // Interim-Updates every 5 minutes: the last one of a running session is at most 5 minutes old
                Instant updated = running ? now.minusSeconds(random.nextLong(Math.min(300, sinceStart) + 1))
                        : start.plusSeconds(seconds);
                String sessionId = Kenya.hex(random, 8).toUpperCase(java.util.Locale.ROOT);
                rows.add(firstId + i).add(sessionId).add(Kenya.hex(random, 32)).add(p.username()).add(n.address())
                        .add(p.hotspot() ? "bridge-hotspot" : "<pppoe-" + p.username() + ">")
                        .add(p.hotspot() ? "Wireless-802.11" : "Ethernet").add(start).add(updated)
                        .add(running ? null : start.plusSeconds(seconds)).add(INTERIM_SECONDS).add(seconds).add("RADIUS")
                        .add(up).add(down).add(p.hotspot() ? "hotspot1" : "pppoe-ruiru")
                        .add(p.mac() != null ? p.mac() : deviceMac(p)).add(running ? null : cause(random))
                        .add(p.hotspot() ? "Login-User" : "Framed-User").add(p.hotspot() ? null : "PPP")
                        .add(p.staticIp() != null ? p.staticIp() : address(n.pool(), p.n())).add(n.id()).end();
                if (running) {
                    open++;
                }
            }
        }
        sql.sql("""
                insert into radacct_sessions (acctuniqueid, acctstarttime, radacctid, username, nas_id, nasipaddress,
                                              callingstationid, acctstoptime, acctupdatetime, acctinterval)
                select acctuniqueid, acctstarttime, radacctid, username, nas_id, nasipaddress, callingstationid,
                       acctstoptime, coalesce(acctupdatetime, acctstarttime), acctinterval
                from radacct where radacctid >= ? and radacctid < ?""").params(firstId, firstId + count).update();
        return new Counts(count, open);
    }

    /** Access-Accepts and the usual rejects (expired, wrong password, a second device) over the same days. */
    static long copyPostAuth(DataSource db, List<Population.Person> people, List<Catalogue.Nas> nas, int count,
                             int days, Instant now, SplittableRandom random) {
        try (var rows = new CopyRows(db, "radpostauth", """
                username, reply, reason, calledstationid, callingstationid, authdate, nasipaddress, nas_id""")) {
            for (int i = 0; i < count; i++) {
                Population.Person p = people.get(heavyUser(people.size(), random));
                Catalogue.Nas n = nas.get(p.nas());
                boolean accepted = random.nextInt(100) < 88;
                rows.add(p.username()).add(accepted ? "Access-Accept" : "Access-Reject")
                        .add(accepted ? "accepted" : REJECTS[random.nextInt(REJECTS.length)])
                        .add(p.hotspot() ? "hotspot1" : "pppoe-ruiru").add(p.mac() != null ? p.mac() : deviceMac(p))
                        .add(startTime(p.createdAt(), days, now, random)).add(n.address()).add(n.id()).end();
            }
            return rows.rows();
        }
    }

    /** A few customers use the network far more than the rest. */
    static int heavyUser(int size, SplittableRandom random) {
        return (int) (size * Math.pow(random.nextDouble(), 1.4));
    }

    /** A time in the last {@code days} days (Nairobi days, today included), at a busy hour, not before signup. */
    static Instant startTime(Instant notBefore, int days, Instant now, SplittableRandom random) {
        LocalDate today = LocalDate.ofInstant(now, NAIROBI);
        for (int attempt = 0; attempt < 8; attempt++) {
            LocalDate day = today.minusDays(random.nextInt(days));
            Instant at = day.atStartOfDay(NAIROBI).toInstant().plusSeconds(Kenya.secondOfDay(random));
            if (!at.isAfter(now) && !at.isBefore(notBefore)) {
                return at;
            }
        }
        // a customer who signed up minutes ago, or a draw in the hours of today still to come
        return notBefore.isAfter(now.minusSeconds(3_600)) ? now.minusSeconds(random.nextInt(60, 600))
                : Instant.ofEpochSecond(random.nextLong(notBefore.getEpochSecond(), now.getEpochSecond()));
    }

    private static long hotspotSeconds(SplittableRandom random) {
        // mostly short: a quick look at the phone, a video, an evening; a few run into a session timeout
        return 120 + (long) (-Math.log(1 - random.nextDouble()) * 2_400);
    }

    private static String cause(SplittableRandom random) {
        int roll = random.nextInt(100);
        for (int i = 0; i < CAUSES.length; i++) {
            roll -= CAUSE_WEIGHTS[i];
            if (roll < 0) {
                return CAUSES[i];
            }
        }
        return CAUSES[0];
    }

    /** The customer's phone's MAC, the same on every session. */
    static String deviceMac(Population.Person p) {
        return Kenya.mac(new SplittableRandom(p.n() * 0x9E37_79B9_7F4A_7C15L));
    }

    private static String address(String pool, int n) {
        return pool + "." + (n / 250 % 250) + "." + (2 + n % 250);
    }

    /** Ids for the rows, taken from radacct's identity so later accounting never collides with them. */
    private static long reserveIds(JdbcClient sql, int count) {
        String sequence = sql.sql("select pg_get_serial_sequence('radacct', 'radacctid')").query(String.class).single();
        long first = sql.sql("select nextval(?::regclass)").param(sequence).query(Long.class).single();
        sql.sql("select setval(?::regclass, ?)").params(sequence, first + count - 1).query().singleRow();
        return first;
    }
}
