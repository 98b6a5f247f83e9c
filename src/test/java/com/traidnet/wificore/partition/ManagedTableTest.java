package com.traidnet.wificore.partition;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManagedTableTest {

    @Test
    void oneLineWithDefaults() {
        var radacct = ManagedTable.parse("tenant radacct acctstarttime");
        assertThat(radacct).isEqualTo(new ManagedTable(SchemaKind.TENANT, "radacct", "acctstarttime", 7, 90,
                KeepMode.DROP));
        assertThat(radacct.line()).isEqualTo("tenant radacct acctstarttime premake=7 retention=90 keep=drop");
    }

    @Test
    void optionsInAnyOrder() {
        var water = ManagedTable.parse("  tenant  water_transactions dispensed_at keep=dump retention=365 premake=3 ");
        assertThat(water).isEqualTo(new ManagedTable(SchemaKind.TENANT, "water_transactions", "dispensed_at", 3, 365,
                KeepMode.DUMP));
        assertThat(ManagedTable.parse("platform jobs enqueued_at keep=detach").keep()).isEqualTo(KeepMode.DETACH);
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> ManagedTable.parse("tenant radacct")).hasMessageContaining("<tenant|platform>");
        assertThatThrownBy(() -> ManagedTable.parse("schema radacct acctstarttime")).hasMessageContaining("'schema'");
        assertThatThrownBy(() -> ManagedTable.parse("tenant radacct acctstarttime keep=shred"))
                .hasMessageContaining("shred");
        assertThatThrownBy(() -> ManagedTable.parse("tenant radacct acctstarttime retention=ninety"))
                .hasMessageContaining("retention=ninety");
        assertThatThrownBy(() -> ManagedTable.parse("tenant radacct acctstarttime ttl=3")).hasMessageContaining("ttl=3");
        assertThatThrownBy(() -> ManagedTable.parse("tenant \"radacct\"; acctstarttime"))
                .hasMessageContaining("identifier");
        assertThatThrownBy(() -> ManagedTable.parse("tenant " + "t".repeat(54) + " c")).hasMessageContaining("53");
        assertThatThrownBy(() -> ManagedTable.parse("tenant radacct acctstarttime premake=-1"))
                .hasMessageContaining("premake");
    }
}
