package com.traidnet.wificore.water;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Structural validation of uploaded dispenses (the flags are exercised against PostgreSQL in the ITs). */
class DispenseRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final WaterSettings SETTINGS = new WaterSettings(java.time.Duration.ofMinutes(5),
            java.time.Duration.ofMinutes(5), 1000, new BigDecimal("1000"), java.time.Duration.ofDays(60),
            java.time.Duration.ofMinutes(1), java.time.Duration.ofSeconds(5), new BigDecimal("0.15"));

    private static DispenseBatch.Item item(Long seq, String litres, String amount, Instant start, Instant end) {
        return new DispenseBatch.Item(seq, UUID.randomUUID(), null, litres == null ? null : new BigDecimal(litres),
                amount == null ? null : new BigDecimal(amount), start, end);
    }

    @Test
    void everyStructuralFaultIsNamedWithItsIndexAndSequence() {
        var batch = new DispenseBatch(List.of(
                item(1L, "1.5", "3.00", NOW.minusSeconds(60), NOW.minusSeconds(30)),
                item(2L, "-1", "0", NOW, null),
                item(3L, "1000.001", "2", NOW, null),
                item(4L, "1", "2.001", NOW, null),
                item(null, "1", "2", NOW, null),
                item(6L, "1", "2", NOW.plusSeconds(3600), null),
                item(7L, "1", "2", NOW.minus(java.time.Duration.ofDays(61)), null),
                item(8L, "1", "2", NOW, NOW.minusSeconds(1))));
        var faults = batch.faults(SETTINGS, NOW);
        assertThat(faults).extracting(f -> f.get("index")).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(faults).extracting(f -> f.get("field"))
                .containsExactly("litres", "litres", "amount", "seq", "startedAt", "startedAt", "endedAt");
        assertThat(faults.get(0).get("seq")).isEqualTo(2L);
    }

    @Test
    void theExpectedAmountIsPriceTimesLitresToTheCent() {
        var terms = new DispenseRules.Terms(new BigDecimal("2.3333"), false);
        assertThat(terms.expectedAmount(new BigDecimal("3"))).isEqualByComparingTo("7.00");
        assertThat(terms.expectedAmount(new BigDecimal("1.5"))).isEqualByComparingTo("3.50");
    }
}
