package com.traidnet.wificore.platform.db;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WalSegmentsTest {

    private static final long MB16 = 16L * 1024 * 1024;

    @Test
    void parsesLsnsAsPostgresPrintsThem() {
        assertThat(WalSegments.parseLsn("0/2000028")).isEqualTo(0x2000028L);
        assertThat(WalSegments.parseLsn("16/B374D848")).isEqualTo(0x16_B374D848L);
        assertThatThrownBy(() -> WalSegments.parseLsn("B374D848")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesSegmentsLikeTheServer() {
        // pg_walfile_name('16/B374D848') on timeline 1 with 16 MB segments
        assertThat(WalSegments.between(1, 0x16_B374D848L, 0x16_B374D849L, MB16))
                .containsExactly("0000000100000016000000B3");
    }

    @Test
    void coversStartToStopAcrossALogIdBoundary() {
        assertThat(WalSegments.between(2, WalSegments.parseLsn("0/FE000028"), WalSegments.parseLsn("1/01000100"), MB16))
                .containsExactly("0000000200000000000000FE", "0000000200000000000000FF",
                        "000000020000000100000000", "000000020000000100000001");
    }

    @Test
    void aStopOnASegmentBoundaryEndsInThePreviousSegment() {
        assertThat(WalSegments.between(1, WalSegments.parseLsn("0/2000028"), WalSegments.parseLsn("0/4000000"), MB16))
                .containsExactly("000000010000000000000002", "000000010000000000000003");
    }
}
