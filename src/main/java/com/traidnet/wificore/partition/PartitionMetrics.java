package com.traidnet.wificore.partition;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Per managed table, summed over every schema: {@code wificore_partitions} (day partitions),
 * {@code wificore_partitions_default_rows} (rows waiting in default partitions),
 * {@code wificore_partitions_errors} and {@code wificore_partitions_missing} (schemas whose
 * last run failed on the table / that lack it); and {@code wificore_partitions_last_run_age_seconds}
 * since the last complete run (NaN before the first). Per-tenant detail would be one series per
 * tenant — that is what {@code GET /api/platform/partitions} is for. Read from the recorded
 * status at most every 15 s.
 */
@Component
class PartitionMetrics implements MeterBinder {

    private static final Duration REFRESH = Duration.ofSeconds(15);

    private final PartitionStatusQueries queries;
    private final PartitionRuns runs;
    private final PartitionSettings settings;
    private final Clock clock;
    private volatile Map<String, PartitionStatusQueries.TableTotals> totals = Map.of();
    private volatile Optional<Instant> lastRun = Optional.empty();
    private volatile long readAt;

    PartitionMetrics(PartitionStatusQueries queries, PartitionRuns runs, PartitionSettings settings, Clock clock) {
        this.queries = queries;
        this.runs = runs;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String table : settings.managedTables().stream().map(ManagedTable::table).toList()) {
            gauge(registry, "wificore.partitions", "Day partitions, all schemas", table, t -> t.partitions());
            gauge(registry, "wificore.partitions.default.rows", "Rows in default partitions", table,
                    t -> t.rowsInDefault());
            gauge(registry, "wificore.partitions.errors", "Schemas whose last maintenance failed on this table",
                    table, t -> t.errors());
            gauge(registry, "wificore.partitions.missing", "Schemas lacking this table", table, t -> t.missing());
        }
        Gauge.builder("wificore.partitions.last.run.age", this, m -> m.refreshed().lastRun
                        .map(i -> (double) Duration.between(i, clock.instant()).toSeconds()).orElse(Double.NaN))
                .baseUnit("seconds").description("Time since the last complete partition maintenance run")
                .register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description, String table,
                       ToDoubleFunction<PartitionStatusQueries.TableTotals> value) {
        Gauge.builder(name, this, m -> {
            var t = m.refreshed().totals.get(table);
            return t == null ? 0 : value.applyAsDouble(t);
        }).description(description).tag("table", table).register(registry);
    }

    private PartitionMetrics refreshed() {
        long now = System.nanoTime();
        if (readAt == 0 || now - readAt > REFRESH.toNanos()) {
            List<PartitionStatusQueries.TableTotals> fresh = queries.totals();
            totals = fresh.stream().collect(Collectors.toMap(PartitionStatusQueries.TableTotals::table, t -> t));
            lastRun = runs.lastCompleteRun();
            readAt = now;
        }
        return this;
    }
}
