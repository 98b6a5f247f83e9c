package com.traidnet.wificore.water;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hand-read UTC shape agrees with java.time; every other shape is left to Jackson's deserializer. */
class UtcInstantsTest {

    @Test
    void readsDeviceTimestampsExactlyLikeInstantParse() {
        for (String s : List.of("2026-03-01T12:00:00Z", "2026-03-01T12:00:00.1Z", "2026-03-01T12:00:00.123Z",
                "1999-12-31T23:59:59.999999Z", "2024-02-29T00:00:00.000000001Z", "1970-01-01T00:00:00Z",
                "2026-11-29T23:13:07.123456789Z")) {
            assertThat(UtcInstants.utc(s)).as(s).isEqualTo(Instant.parse(s));
        }
    }

    @Test
    void leavesEverythingElseToTheStandardParser() {
        for (String s : List.of("2026-03-01T12:00:00+03:00", "2026-03-01T12:00:00.Z", "2026-02-30T12:00:00Z",
                "2026-03-01T24:00:00Z", "2026-03-01T23:59:60Z", "2026-3-01T12:00:00Z", "2026-03-01 12:00:00Z",
                "2026-03-01T12:00:00.1234567890Z", "+2026-03-01T12:00:00Z", "2026-03-01T12:0a:00Z", "")) {
            assertThat(UtcInstants.utc(s)).as(s).isNull();
        }
    }

    @Test
    void theDeviceMapperStillReadsOffsetsAndRefusesNonsense() throws Exception {
        record Probe(Instant at) {
        }
        assertThat(DeviceController.JSON.readValue("{\"at\":\"2026-03-01T15:00:00+03:00\"}", Probe.class).at())
                .isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
        assertThat(DeviceController.JSON.readValue("{\"at\":\"2026-03-01T12:00:00.5Z\"}", Probe.class).at())
                .isEqualTo(Instant.parse("2026-03-01T12:00:00.5Z"));
        assertThatThrownBy(() -> DeviceController.JSON.readValue("{\"at\":\"2026-02-30T12:00:00Z\"}", Probe.class))
                .isInstanceOf(tools.jackson.core.JacksonException.class);
    }
}
