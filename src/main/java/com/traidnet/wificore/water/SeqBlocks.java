package com.traidnet.wificore.water;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The sequences a dispenser has booked, as bitmap blocks in {@code water_dispense_seqs} (ADR 0011):
 * bit {@code seq & 63} of block {@code seq >> 6}. {@link #claim} sets the bits of a batch in one
 * upsert and answers the dispenses whose bit was not yet set. A concurrent upload of the same
 * block waits on the block's row (the unique index, then the row lock of ON CONFLICT DO UPDATE)
 * and then sees the bits the first one committed: every sequence is claimed once.
 */
final class SeqBlocks {

    private SeqBlocks() {
    }

    /** The blocks of {@code items} (sorted by sequence, no sequence twice): block numbers ascending, their bits, newest start. */
    record Blocks(long[] blocks, long[] bits, String[] lastAt) {
        static Blocks of(List<DispenseBatch.Item> items) {
            List<long[]> rows = new ArrayList<>(); // {block, bits}
            List<Instant> newest = new ArrayList<>();
            for (var item : items) {
                long block = item.seq() >>> 6;
                long bit = 1L << (item.seq() & 63);
                if (rows.isEmpty() || rows.getLast()[0] != block) {
                    rows.add(new long[]{block, bit});
                    newest.add(item.startedAt());
                } else {
                    rows.getLast()[1] |= bit;
                    if (item.startedAt().isAfter(newest.getLast())) {
                        newest.set(newest.size() - 1, item.startedAt());
                    }
                }
            }
            return new Blocks(rows.stream().mapToLong(r -> r[0]).toArray(), rows.stream().mapToLong(r -> r[1]).toArray(),
                    newest.stream().map(Instant::toString).toArray(String[]::new));
        }
    }

    /** The dispenses of {@code items} (sorted by sequence, no sequence twice) never booked before, in their order. */
    static List<DispenseBatch.Item> claim(JdbcClient sql, UUID dispenser, List<DispenseBatch.Item> items) {
        Blocks blocks = Blocks.of(items);
        // blocks go in ascending order, so two overlapping uploads of one dispenser lock them in one order;
        // a block where every bit is already set is not rewritten (the WHERE still waits for its row lock)
        Map<Long, Long> fresh = new HashMap<>();
        sql.sql("""
                        insert into water_dispense_seqs as s (dispenser_id, block, bits, fresh, last_at)
                        select ?, b.block, b.bits, b.bits, b.last_at
                        from unnest(?::bigint[], ?::bigint[], ?::timestamptz[]) with ordinality as b(block, bits, last_at, n)
                        order by b.n
                        on conflict (dispenser_id, block) do update
                            set bits = s.bits | excluded.bits, fresh = excluded.bits & ~s.bits,
                                last_at = greatest(s.last_at, excluded.last_at)
                            where excluded.bits & ~s.bits <> 0
                        returning block, fresh""")
                .params(dispenser, blocks.blocks(), blocks.bits(), blocks.lastAt())
                .query((rs, n) -> fresh.put(rs.getLong(1), rs.getLong(2))).list();
        return fresh(items, fresh);
    }

    /** The items whose bit is in their block's fresh bits. */
    static List<DispenseBatch.Item> fresh(List<DispenseBatch.Item> items, Map<Long, Long> freshBits) {
        List<DispenseBatch.Item> out = new ArrayList<>(items.size());
        for (var item : items) {
            long bits = freshBits.getOrDefault(item.seq() >>> 6, 0L);
            if ((bits >>> (item.seq() & 63) & 1) != 0) {
                out.add(item);
            }
        }
        return out;
    }
}
