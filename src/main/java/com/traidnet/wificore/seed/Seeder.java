package com.traidnet.wificore.seed;

import com.traidnet.wificore.onboarding.Onboarding;
import com.traidnet.wificore.partition.MaintenanceReport;
import com.traidnet.wificore.partition.MaintenanceRequest;
import com.traidnet.wificore.partition.PartitionMaintenance;
import com.traidnet.wificore.platform.SecretBox;
import com.traidnet.wificore.tenant.Tenant;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.Tenants;
import org.springframework.stereotype.Service;

import javax.sql.DataSource;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeds one new tenant, step by step, each step in its own tenant transaction and timed in the output. Refuses a
 * slug that exists: seeding never changes a tenant someone may be using.
 */
@Service
class Seeder {

    static final class TenantExists extends RuntimeException {
        TenantExists(String message) {
            super(message);
        }
    }

    private final Onboarding onboarding;
    private final Tenants tenants;
    private final TenantGateway gateway;
    private final PartitionMaintenance partitions;
    private final SecretBox secrets;
    private final DataSource db;
    private final Clock clock;
    private final List<SeedContributor> contributors;
    /** For the hints printed at the end: the port the platform serves on (a CLI run serves nothing itself). */
    private final int httpPort;

    Seeder(Onboarding onboarding, Tenants tenants, TenantGateway gateway, PartitionMaintenance partitions,
           SecretBox secrets, DataSource db, Clock clock, List<SeedContributor> contributors,
           @org.springframework.beans.factory.annotation.Value("${wificore.http.port:8070}") int httpPort) {
        this.httpPort = httpPort;
        this.onboarding = onboarding;
        this.tenants = tenants;
        this.gateway = gateway;
        this.partitions = partitions;
        this.secrets = secrets;
        this.db = db;
        this.clock = clock;
        this.contributors = contributors.stream().sorted(Comparator.comparing(SeedContributor::name)).toList();
    }

    record Seeded(Tenant tenant, String email, String password) {
    }

    Seeded seed(SeedOptions o, PrintStream out) {
        if (tenants.findBySlug(o.tenant()).isPresent()) {
            throw new TenantExists("tenant '" + o.tenant() + "' already exists; seeding never changes an existing"
                    + " tenant: pick another --tenant (or remove that one first)");
        }
        var steps = new Steps(out);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        var random = new SplittableRandom(o.randomSeed());
        String password = o.password() != null ? o.password() : generatedPassword();
        out.printf("seed %s: tenant %s, %,d subscribers, %,d sessions, %,d payments over %d days%n", o.mode(),
                o.tenant(), o.subscribers(), o.sessions(), o.payments(), o.days());

        Tenant tenant = steps.run("tenant", () -> {
            Tenant t = onboarding.open("Kahawa Net (" + o.tenant() + ")", o.tenant(), o.email(), password);
            return t.schemaName() + ", staff " + o.email();
        }, () -> tenants.findBySlug(o.tenant()).orElseThrow());
        steps.run("partitions", () -> dayPartitions(o, now));
        var plans = new java.util.concurrent.atomic.AtomicReference<List<Catalogue.Plan>>();
        var nas = new java.util.concurrent.atomic.AtomicReference<List<Catalogue.Nas>>();
        steps.run("packages, NAS", () -> gateway.inTenant(tenant.id(), sql -> {
            plans.set(Catalogue.insertPlans(sql, now.minus(o.days() + 30L, ChronoUnit.DAYS)));
            nas.set(Catalogue.insertNas(sql, tenant.id(), secrets, random));
            return plans.get().size() + " packages, " + nas.get().size() + " NAS";
        }));
        List<Population.Person> people = Population.generate(o.subscribers(), plans.get(), nas.get(), o.days(),
                now, random);
        var ids = new java.util.concurrent.atomic.AtomicReference<java.util.UUID[]>();
        steps.run("subscribers", () -> gateway.inTenant(tenant.id(), sql -> {
            // The RADIUS tables' triggers NOTIFY every node's cache of each changed user: for a tenant that is
            // seconds old no cache holds any of them, and half a million notifications would cost more than the
            // rows. Off and on again inside this transaction, so no other session ever sees them off.
            List<String> notifying = List.of("radcheck", "radreply");
            notifying.forEach(t -> sql.sql("alter table " + t + " disable trigger " + t + "_notify").update());
            ids.set(SubscriberRows.copy(db, people, plans.get(), now));
            notifying.forEach(t -> sql.sql("alter table " + t + " enable trigger " + t + "_notify").update());
            long pppoe = people.stream().filter(p -> !p.hotspot()).count();
            long active = people.stream().filter(p -> p.status().equals("active")).count();
            return "%,d (%,d PPPoE, %,d active) with radcheck/radreply rows".formatted(people.size(), pppoe, active);
        }));
        steps.run("vouchers", () -> gateway.inTenant(tenant.id(), sql -> {
            var c = VoucherRows.copy(sql, db, plans.get(), people, ids.get(), o.vouchers(), o.days(), now, random);
            return "%d batches, %,d codes, %,d redeemed".formatted(c.batches(), c.codes(), c.redeemed());
        }));
        steps.run("sessions", () -> gateway.inTenant(tenant.id(), sql -> {
            // Every seeded session "arrives late" (it started days ago): the late-start trigger would drop stored
            // day sums (ADR 0012) a tenant this new does not have yet, a million times. Off inside this
            // transaction, as above.
            sql.sql("alter table radacct_sessions disable trigger radacct_sessions_late_start").update();
            var c = SessionRows.copy(sql, db, people, nas.get(), o.sessions(), o.days(), now, random);
            sql.sql("alter table radacct_sessions enable trigger radacct_sessions_late_start").update();
            return "%,d radacct rows, %,d still online".formatted(c.sessions(), c.open());
        }));
        steps.run("auth log", () -> gateway.inTenant(tenant.id(), sql -> "%,d radpostauth rows".formatted(
                SessionRows.copyPostAuth(db, people, nas.get(), o.postAuth(), o.days(), now, random))));
        steps.run("payments", () -> gateway.inTenant(tenant.id(), sql -> {
            var c = PaymentRows.copy(db, people, plans.get(), o.payments(), o.days(), now, random);
            return "%,d (%,d settled, KES %,.0f; %,d failed, %,d pending)".formatted(c.payments(), c.settled(),
                    c.revenue(), c.failed(), c.pending());
        }));
        steps.run("vacuum", () -> {
            // What autovacuum would have done by the time a real tenant held this much: the planner's row
            // estimates, and a visibility map, without which no index-only scan skips the heap. VACUUM cannot run
            // in a transaction, so not through the gateway: the schema comes from the tenants row (ts_<slug>).
            var plain = org.springframework.jdbc.core.simple.JdbcClient.create(db);
            for (String table : List.of("subscribers", "radcheck", "radreply", "radacct", "radacct_sessions",
                    "radpostauth", "payments", "payment_events", "vouchers", "subscriber_history")) {
                plain.sql("vacuum (analyze) \"" + tenant.schemaName() + "\"." + table).update();
            }
            return "vacuumed and analyzed";
        });
        var scope = new SeedScope(tenant.id(), tenant.slug(), o.subscribers(), o.days(), now,
                people.stream().filter(Population.Person::hotspot).limit(500).map(Population.Person::phone).toList(),
                o.randomSeed());
        contribute(scope, tenant, steps, out);
        out.printf("seeded tenant %s in %.1f s%n", tenant.slug(), steps.totalSeconds());
        out.printf("  sign in as %s with password %s (tenant_admin)%n", o.email(), password);
        out.printf("  e.g. curl -X POST localhost:%d/api/auth/login -H 'Content-Type: application/json'"
                + " -d '{\"email\":\"%s\",\"password\":\"%s\"}'%n", httpPort, o.email(), password);
        out.printf("  captive portal: http://localhost:%d/portal/%s%n", httpPort, tenant.slug());
        return new Seeded(tenant, o.email(), password);
    }

    /**
     * Every seeded day gets its partition before any row arrives (rows would otherwise land in the default
     * partition and be moved by the next pass). Maintenance premakes a week from the day it is told is today,
     * so it is run as of every eighth day back, then as of today.
     */
    private String dayPartitions(SeedOptions o, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, partitions.zone());
        int created = 0;
        for (LocalDate asOf = today.minusDays(o.days() + 1L); asOf.isBefore(today); asOf = asOf.plusDays(8)) {
            created += maintain(o.tenant(), asOf).created();
        }
        created += maintain(o.tenant(), null).created();
        return created + " day partitions created";
    }

    private MaintenanceReport maintain(String slug, LocalDate asOf) {
        for (int attempt = 0; ; attempt++) {
            MaintenanceReport report = partitions.maintain(
                    new MaintenanceRequest(MaintenanceRequest.Trigger.CLI, slug, false, asOf));
            if (report.outcome() == MaintenanceReport.Outcome.COMPLETED) {
                if (report.errors() > 0) {
                    throw new IllegalStateException("partition maintenance for " + slug + " had errors; see"
                            + " `partitions status --tenant " + slug + "`");
                }
                return report;
            }
            if (attempt == 60) { // another node's pass holds the lock for over a minute: ours would be the same work
                throw new IllegalStateException("partition maintenance is busy (lock held); try again later");
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private void contribute(SeedScope scope, Tenant tenant, Steps steps, PrintStream out) {
        for (SeedContributor contributor : contributors) {
            steps.run(contributor.name(), () -> {
                String summary = contributor.seed(scope);
                return summary == null ? "skipped (its tables are not in this tenant)" : summary;
            });
        }
        boolean water = gateway.inTenant(tenant.id(), sql -> sql.sql("""
                select exists (select 1 from information_schema.tables
                               where table_schema = current_schema() and table_name like 'water\\_%')""")
                .query(Boolean.class).single());
        if (contributors.stream().noneMatch(c -> c.name().equals("water"))) {
            out.println(water ? "  water: tables present, but no water seed contributor in this build; skipped"
                    : "  water: no water module in this build; skipped");
        }
    }

    private static String generatedPassword() {
        var random = new SecureRandom();
        String alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var s = new StringBuilder("demo-");
        for (int i = 0; i < 12; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
