package com.traidnet.wificore.jobs;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobIdTest {

    @Test
    void carriesItsEnqueueTimeToTheMillisecond() {
        Instant at = Instant.parse("2026-11-26T23:59:59.999123Z");
        JobId id = JobId.next(at);
        assertThat(id.value().version()).isEqualTo(7);
        assertThat(id.value().variant()).isEqualTo(2);
        assertThat(id.enqueuedAt()).isEqualTo(Instant.parse("2026-11-26T23:59:59.999Z"));
        assertThat(JobId.parseOrNull(id.toString())).isEqualTo(id);
    }

    @Test
    void idsOfTheSameMillisecondDifferAndSortByTime() {
        Instant at = Instant.parse("2026-11-26T10:00:00Z");
        Set<JobId> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(JobId.next(at));
        }
        assertThat(ids).hasSize(10_000);
        assertThat(JobId.next(at.plusMillis(1)).value().getMostSignificantBits())
                .isGreaterThan(JobId.next(at).value().getMostSignificantBits());
    }

    @Test
    void onlyVersion7UuidsAreJobIds() {
        assertThat(JobId.parseOrNull(UUID.randomUUID().toString())).isNull();
        assertThat(JobId.parseOrNull("not-a-uuid")).isNull();
        assertThat(JobId.parseOrNull(null)).isNull();
        assertThatThrownBy(() -> new JobId(UUID.randomUUID())).isInstanceOf(IllegalArgumentException.class);
    }
}
