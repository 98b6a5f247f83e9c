package com.traidnet.wificore.partition;

import com.traidnet.wificore.tenant.Tenant;
import com.traidnet.wificore.tenant.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Partition maintenance, the module's entry point: one pass over every managed table of every
 * tenant schema (and {@code public}), or of one tenant. A full pass holds the cluster-wide
 * maintenance lock; a second one started meanwhile — on this node or another — is skipped.
 * Schemas are read from the catalog {@value #SCHEMAS_PER_BATCH} at a time and maintained by a
 * small pool ({@code wificore.partitions.threads}); their status is saved batch by batch, so an
 * interrupted pass leaves a true record of what it did, and the next pass does the rest.
 */
@Service
public class PartitionMaintenance {

    private static final Logger log = LoggerFactory.getLogger(PartitionMaintenance.class);
    static final int SCHEMAS_PER_BATCH = 200;
    private static final int TENANTS_PER_PAGE = 1000;

    private final PartitionSettings settings;
    private final List<ManagedTable> tables;
    private final PartitionCatalog catalog;
    private final TablePass pass;
    private final PartitionRuns runs;
    private final Tenants tenants;
    private final DataSource dataSource;
    private final Clock clock;

    @Autowired
    PartitionMaintenance(PartitionSettings settings, PartitionCatalog catalog, PartitionExecutor executor,
                         PartitionRuns runs, Tenants tenants, DataSource dataSource, Clock clock,
                         ApplicationEventPublisher events) {
        this(settings, settings.managedTables(), catalog, new TablePass(executor, settings, events), runs, tenants,
                dataSource, clock);
    }

    private PartitionMaintenance(PartitionSettings settings, List<ManagedTable> tables, PartitionCatalog catalog,
                                 TablePass pass, PartitionRuns runs, Tenants tenants, DataSource dataSource,
                                 Clock clock) {
        this.settings = settings;
        this.tables = List.copyOf(tables);
        this.catalog = catalog;
        this.pass = pass;
        this.runs = runs;
        this.tenants = tenants;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** The same maintenance for other tables or another clock (tests, benchmarks). */
    PartitionMaintenance with(List<ManagedTable> otherTables, Clock otherClock) {
        return new PartitionMaintenance(settings, otherTables, catalog, pass, runs, tenants, dataSource, otherClock);
    }

    /** The managed tables, as configured. */
    public List<ManagedTable> tables() {
        return tables;
    }

    /**
     * Runs one pass. A pass for one tenant ({@code tenantSlug}) started by its creation runs
     * without the maintenance lock, so a long nightly pass never delays a signup; every step
     * is safe to race anyway.
     *
     * @throws IllegalArgumentException if the tenant slug names no tenant
     */
    public MaintenanceReport maintain(MaintenanceRequest request) {
        if (request.asOf() != null && request.asOf().isAfter(today())) {
            throw new IllegalArgumentException("--as-of " + request.asOf() + " is later than today (" + today()
                    + "): that would retire partitions still within retention");
        }
        List<Target> targets = targets(request.tenantSlug());
        boolean exclusive = !request.dryRun() && request.trigger() != MaintenanceRequest.Trigger.TENANT;
        if (!exclusive) {
            return run(request, targets);
        }
        Optional<MaintenanceLock> lock = MaintenanceLock.tryAcquire(dataSource);
        if (lock.isEmpty()) {
            log.info("partitions: another maintenance run holds the lock; this one ({}) is skipped",
                    request.trigger().word());
            return MaintenanceReport.skipped(false, today(), clock.instant());
        }
        try (MaintenanceLock held = lock.get()) {
            return run(request, targets);
        }
    }

    private MaintenanceReport run(MaintenanceRequest request, List<Target> targets) {
        Instant started = clock.instant();
        LocalDate today = request.asOf() != null ? request.asOf() : LocalDate.ofInstant(started, settings.zone());
        long nanos = System.nanoTime();
        long runId = request.dryRun() ? 0 : runs.start(request, started);
        List<TableReport> reports = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(settings.threads(),
                Thread.ofPlatform().name("partitions-", 1).daemon().factory())) {
            for (int from = 0; from < targets.size(); from += SCHEMAS_PER_BATCH) {
                List<Target> batch = targets.subList(from, Math.min(targets.size(), from + SCHEMAS_PER_BATCH));
                List<TableReport> done = maintainBatch(batch, today, request.dryRun(), pool);
                if (!request.dryRun()) {
                    runs.saveStatus(done, tenantIds(batch), clock.instant());
                }
                reports.addAll(done);
            }
        } catch (RuntimeException e) {
            finish(request, runId, new MaintenanceReport(MaintenanceReport.Outcome.COMPLETED, runId, false, today,
                    started, Duration.ofNanos(System.nanoTime() - nanos), reports), TablePass.rootMessage(e));
            throw e;
        }
        var report = new MaintenanceReport(MaintenanceReport.Outcome.COMPLETED, runId, request.dryRun(), today,
                started, Duration.ofNanos(System.nanoTime() - nanos), reports);
        finish(request, runId, report, null);
        return report;
    }

    private void finish(MaintenanceRequest request, long runId, MaintenanceReport report, String failure) {
        if (request.dryRun()) {
            return;
        }
        runs.finish(runId, clock.instant(), report, failure);
        log.info("partitions: {} run {} for {} over {} table(s) in {} ms: {} created, {} retired, {} row(s) moved,"
                        + " {} error(s){}", request.trigger().word(), runId, report.day(), report.tables().size(),
                report.took().toMillis(), report.created(), report.retired(), report.rowsMoved(), report.errors(),
                failure == null ? "" : "; failed: " + failure);
    }

    private List<TableReport> maintainBatch(List<Target> batch, LocalDate today, boolean dryRun, ExecutorService pool) {
        var states = catalog.read(PartitionCatalog.schemasOf(batch), tables, settings.sqlZone());
        List<Future<List<TableReport>>> work = new ArrayList<>();
        for (Target target : batch) {
            work.add(pool.submit(() -> tablesOf(target).stream()
                    .map(t -> pass.run(target, t, states.get(new PartitionCatalog.Key(target.schema(), t.table())),
                            today, dryRun))
                    .toList()));
        }
        List<TableReport> done = new ArrayList<>();
        try {
            for (Future<List<TableReport>> f : work) {
                done.addAll(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("partition maintenance was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        return done;
    }

    private List<ManagedTable> tablesOf(Target target) {
        return tables.stream().filter(t -> t.kind() == target.kind()).toList();
    }

    private List<Target> targets(String slug) {
        if (slug != null) {
            Tenant tenant = tenants.findBySlug(slug)
                    .orElseThrow(() -> new IllegalArgumentException("no tenant with slug '" + slug + "'"));
            return List.of(target(tenant));
        }
        List<Target> all = new ArrayList<>();
        if (tables.stream().anyMatch(t -> t.kind() == SchemaKind.PLATFORM)) {
            all.add(Target.PLATFORM);
        }
        if (tables.stream().anyMatch(t -> t.kind() == SchemaKind.TENANT)) {
            for (int offset = 0; ; offset += TENANTS_PER_PAGE) {
                List<Tenant> page = tenants.list(null, offset, TENANTS_PER_PAGE);
                page.forEach(t -> all.add(target(t)));
                if (page.size() < TENANTS_PER_PAGE) {
                    break;
                }
            }
        }
        return all;
    }

    private static Target target(Tenant tenant) {
        return new Target(tenant.id(), tenant.slug(), tenant.schemaName());
    }

    private static Map<String, UUID> tenantIds(List<Target> batch) {
        Map<String, UUID> ids = new HashMap<>();
        batch.stream().filter(t -> !t.platform()).forEach(t -> ids.put(t.schema(), t.tenant().value()));
        return ids;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), settings.zone());
    }

    Clock clock() {
        return clock;
    }

    PartitionSettings settings() {
        return settings;
    }

    /** Where a partition's day begins and ends ({@code wificore.partitions.zone}). */
    public java.time.ZoneId zone() {
        return settings.zone();
    }
}
