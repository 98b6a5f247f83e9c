package com.traidnet.wificore.partition;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code wificore.partitions.*} (environment {@code WIFICORE_PARTITIONS_*}).
 *
 * @param tables        the managed tables, one line each (see {@link ManagedTable}); as an environment
 *                      variable, lines separated by commas
 * @param zone          where a day begins and ends, and the zone of {@code cron}
 * @param cron          when the daily run starts (Spring cron, six fields); {@code -} turns it off
 * @param catchUp       at start-up, run at once if the last complete run is more than a day old
 * @param onTenantCreation give a new tenant its partitions right after its schema is created
 * @param lockTimeout   how long one step waits for a table lock before giving up (it is retried
 *                      {@code lockAttempts} times, then left to the next run); keeps RADIUS writes flowing
 * @param lockAttempts  tries per step when the lock is not granted in time
 * @param threads       tenant schemas maintained in parallel
 * @param archiveSchema where {@code keep=detach} moves retired partitions: this schema for platform
 *                      tables, {@code <archiveSchema>_<tenant slug>} for tenant tables
 * @param dumpDir       where {@code keep=dump} writes {@code <schema>/<partition>.csv.gz};
 *                      empty = {@code <data dir>/partition-dumps}
 */
@ConfigurationProperties("wificore.partitions")
public record PartitionSettings(
        @DefaultValue({"tenant radacct acctstarttime", "tenant radpostauth authdate", "platform jobs enqueued_at"})
        List<String> tables,
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue("0 0 2 * * *") String cron,
        @DefaultValue("true") boolean catchUp,
        @DefaultValue("true") boolean onTenantCreation,
        @DefaultValue("PT2S") Duration lockTimeout,
        @DefaultValue("3") int lockAttempts,
        @DefaultValue("2") int threads,
        @DefaultValue("archive") String archiveSchema,
        @DefaultValue("") String dumpDir) {

    private static final Pattern SCHEMA = Pattern.compile("^[a-z][a-z0-9_]{0,14}$");

    public PartitionSettings {
        tables = List.copyOf(tables);
        managedTables(tables); // fails on a bad line at start-up, not at 02:00
        if (zone instanceof ZoneOffset offset && offset.getTotalSeconds() != 0) {
            // PostgreSQL reads '+03:00' in AT TIME ZONE the POSIX way, as 3 hours *west* of UTC
            throw new IllegalArgumentException("wificore.partitions.zone must be a region such as Africa/Nairobi"
                    + " (or Etc/GMT-3), not the offset '" + zone.getId() + "'");
        }
        if (!"-".equals(cron)) {
            CronExpression.parse(cron);
        }
        if (lockTimeout.isNegative() || lockTimeout.isZero()) {
            throw new IllegalArgumentException("wificore.partitions.lock-timeout must be positive");
        }
        if (lockAttempts < 1 || threads < 1 || threads > 32) {
            throw new IllegalArgumentException("wificore.partitions.lock-attempts must be >= 1, threads 1..32");
        }
        if (!SCHEMA.matcher(archiveSchema).matches() || archiveSchema.startsWith("ts_") || archiveSchema.equals("public")) {
            throw new IllegalArgumentException("wificore.partitions.archive-schema must be a short lower-case"
                    + " identifier (at most 15 characters), not ts_… or public: '" + archiveSchema + "'");
        }
    }

    /** The configured tables, parsed. */
    public List<ManagedTable> managedTables() {
        return managedTables(tables);
    }

    private static List<ManagedTable> managedTables(List<String> lines) {
        List<ManagedTable> parsed = lines.stream().filter(l -> !l.isBlank()).map(ManagedTable::parse).toList();
        if (parsed.stream().map(t -> t.kind() + "." + t.table()).distinct().count() != parsed.size()) {
            throw new IllegalArgumentException("wificore.partitions.tables names a table twice: " + lines);
        }
        return parsed;
    }

    /** The zone as PostgreSQL knows it ({@code Z} is {@code UTC} there). */
    String sqlZone() {
        return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    Path dumpDirectory(String dataDir) {
        return dumpDir.isBlank() ? Path.of(dataDir).resolve("partition-dumps") : Path.of(dumpDir);
    }
}
