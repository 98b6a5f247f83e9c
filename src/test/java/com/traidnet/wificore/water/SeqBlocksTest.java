package com.traidnet.wificore.water;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The bit arithmetic of sequence blocks (the upsert itself runs against PostgreSQL in WaterLedgerIT). */
class SeqBlocksTest {

    private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

    private static DispenseBatch.Item item(long seq, Instant startedAt) {
        return new DispenseBatch.Item(seq, null, null, BigDecimal.ONE, BigDecimal.ONE, startedAt, null);
    }

    @Test
    void sequencesGroupIntoBlocksOf64WithOneBitEachAndTheNewestStart() {
        var items = List.of(item(0, T), item(1, T.plusSeconds(5)), item(63, T.minusSeconds(9)), item(64, T),
                item(130, T), item(Long.MAX_VALUE, T));
        var blocks = SeqBlocks.Blocks.of(items);
        assertThat(blocks.blocks()).containsExactly(0, 1, 2, Long.MAX_VALUE >>> 6);
        assertThat(blocks.bits()).containsExactly(0b11L | 1L << 63, 1L, 1L << 2, 1L << 63);
        assertThat(blocks.lastAt()).containsExactly(T.plusSeconds(5).toString(), T.toString(), T.toString(),
                T.toString());
    }

    @Test
    void onlyItemsWhoseBitCameBackFreshAreBooked() {
        var items = LongStream.rangeClosed(60, 70).mapToObj(s -> item(s, T)).toList();
        // block 0 answered bits 61 and 63 as new; block 1 did not answer (every bit was set already)
        var fresh = SeqBlocks.fresh(items, Map.of(0L, 1L << 61 | 1L << 63, 1L, 0L));
        assertThat(fresh).extracting(DispenseBatch.Item::seq).containsExactly(61L, 63L);
        assertThat(SeqBlocks.fresh(items, Map.of(1L, 1L << 2))).extracting(DispenseBatch.Item::seq).containsExactly(66L);
    }
}
