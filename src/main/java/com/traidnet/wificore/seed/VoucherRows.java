package com.traidnet.wificore.seed;

import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Voucher batches as an operator prints them for the shop counter: 1-hour and 24-hour codes, a weekly batch, one
 * batch disabled; older batches mostly redeemed, by customers among the seeded subscribers.
 */
final class VoucherRows {

    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"; // as the hotspot module's codes
    private static final String[] PLANS = {"1 Hour", "24 Hours", "3 Hours", "Weekly", "1 Hour"};
    private static final String[] PREFIXES = {"KW", "GT", "KW", "WK", "RU"};

    record Counts(long batches, long codes, long redeemed) {
    }

    private VoucherRows() {
    }

    static Counts copy(JdbcClient sql, DataSource db, List<Catalogue.Plan> plans, List<Population.Person> people,
                       UUID[] subscriberIds, int total, int days, Instant now, SplittableRandom random) {
        if (total == 0) {
            return new Counts(0, 0, 0);
        }
        int batches = PLANS.length;
        int count = Math.max(1, total / batches);
        UUID[] ids = new UUID[batches];
        Instant[] created = new Instant[batches];
        for (int b = 0; b < batches; b++) { // every batch row before the COPY: one statement at a time
            String planName = PLANS[b];
            UUID planId = plans.stream().filter(p -> p.name().equals(planName)).findFirst().orElseThrow().id();
            // the oldest batch is from the first seeded day, the newest from yesterday
            created[b] = now.minus(Duration.ofDays(Math.max(1, days - (long) b * days / batches)));
            ids[b] = UUID.randomUUID();
            sql.sql("""
                            insert into voucher_batches (id, package_id, prefix, code_length, count, expires_at,
                                                         status, created_by, created_at)
                            values (?, ?, ?, 8, ?, ?, ?, 'seed', ?)""")
                    .params(ids[b], planId, PREFIXES[b], count, Timestamp.from(created[b].plus(Duration.ofDays(90))),
                            b == 2 ? "disabled" : "enabled", Timestamp.from(created[b]))
                    .update();
        }
        long redeemed = 0;
        var codes = new java.util.HashSet<String>();
        try (var rows = new CopyRows(db, "vouchers", "batch_id, code, redeemed_at, redeemed_phone, subscriber_id")) {
            for (int b = 0; b < batches; b++) {
                double redeemedShare = b == batches - 1 ? 0.05 : 0.9 - b * 0.18;
                for (int i = 0; i < count; i++) {
                    String code;
                    do {
                        code = PREFIXES[b] + code(random);
                    } while (!codes.add(code));
                    boolean used = random.nextDouble() < redeemedShare;
                    Population.Person who = used ? people.get(random.nextInt(people.size())) : null;
                    Instant at = used ? Instant.ofEpochSecond(random.nextLong(created[b].getEpochSecond(),
                            now.getEpochSecond())) : null;
                    rows.add(ids[b]).add(code).add(at).add(who == null ? null : who.phone())
                            .add(who == null ? null : subscriberIds[who.n()]).end();
                    if (used) {
                        redeemed++;
                    }
                }
            }
            return new Counts(batches, rows.rows(), redeemed);
        }
    }

    private static String code(SplittableRandom random) {
        var s = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
