package com.traidnet.wificore.partition;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartitionsCommandTest {

    @Test
    void options() {
        assertThat(PartitionsCommand.Options.parse(List.of("maintain")))
                .isEqualTo(new PartitionsCommand.Options("maintain", null, false, null));
        assertThat(PartitionsCommand.Options.parse(List.of("maintain", "--dry-run", "--tenant", "acme", "--as-of",
                "2026-11-25"))).isEqualTo(new PartitionsCommand.Options("maintain", "acme", true,
                LocalDate.of(2026, 11, 25)));
        assertThat(PartitionsCommand.Options.parse(List.of("status", "--tenant", "acme")).tenant()).isEqualTo("acme");
    }

    @Test
    void usageErrors() {
        assertThatThrownBy(() -> PartitionsCommand.Options.parse(List.of())).hasMessageContaining("maintain or status");
        assertThatThrownBy(() -> PartitionsCommand.Options.parse(List.of("prune"))).hasMessageContaining("'prune'");
        assertThatThrownBy(() -> PartitionsCommand.Options.parse(List.of("maintain", "--tenant")))
                .hasMessageContaining("needs a slug");
        assertThatThrownBy(() -> PartitionsCommand.Options.parse(List.of("maintain", "--as-of", "tomorrow")))
                .hasMessageContaining("YYYY-MM-DD");
        assertThatThrownBy(() -> PartitionsCommand.Options.parse(List.of("status", "--dry-run")))
                .hasMessageContaining("for maintain");
        assertThatThrownBy(() -> PartitionsCommand.Options.parse(List.of("maintain", "--force")))
                .hasMessageContaining("'--force'");
    }

    @Test
    void spansNameTheEnds() {
        assertThat(PartitionsCommand.span(List.of("radacct_p20261127"))).isEqualTo("radacct_p20261127");
        assertThat(PartitionsCommand.span(List.of("radacct_p20261203", "radacct_p20261126", "radacct_p20261130")))
                .isEqualTo("radacct_p20261126 … radacct_p20261203 (3)");
    }
}
