package com.traidnet.wificore.partition;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartitionSettingsTest {

    @Test
    void defaultsParse() {
        var settings = settings(List.of("tenant radacct acctstarttime", "platform jobs enqueued_at keep=detach"),
                ZoneId.of("UTC"), "0 0 2 * * *");
        assertThat(settings.managedTables()).extracting(ManagedTable::table).containsExactly("radacct", "jobs");
        assertThat(settings.sqlZone()).isEqualTo("UTC");
        assertThat(settings(List.of(), ZoneOffset.UTC, "-").sqlZone()).isEqualTo("UTC");
        assertThat(settings(List.of(), ZoneId.of("Africa/Nairobi"), "-").sqlZone()).isEqualTo("Africa/Nairobi");
    }

    @Test
    void mistakesStopStartUp() {
        assertThatThrownBy(() -> settings(List.of("tenant radacct"), ZoneOffset.UTC, "-"))
                .hasMessageContaining("<tenant|platform>");
        assertThatThrownBy(() -> settings(List.of("tenant radacct a", "tenant radacct b"), ZoneOffset.UTC, "-"))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> settings(List.of(), ZoneOffset.ofHours(3), "-")).hasMessageContaining("Etc/GMT-3");
        assertThatThrownBy(() -> settings(List.of(), ZoneOffset.UTC, "at two")).isInstanceOf(IllegalArgumentException.class);
    }

    private static PartitionSettings settings(List<String> tables, ZoneId zone, String cron) {
        return new PartitionSettings(tables, zone, cron, true, true, Duration.ofSeconds(2), 3, 2, "archive", "");
    }
}
