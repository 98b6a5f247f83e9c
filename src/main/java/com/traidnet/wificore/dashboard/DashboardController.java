package com.traidnet.wificore.dashboard;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.tenant.CurrentTenant;
import com.traidnet.wificore.tenant.TenantId;
import com.traidnet.wificore.tenant.TenantZones;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** {@code GET /api/dashboard} and {@code /api/dashboard/usage}: read-only, every tenant staff role. */
@RestController
@RequestMapping("/api/dashboard")
@Tag(name = "Dashboard")
class DashboardController {

    static final int MAX_DAYS = 31;

    record Summary(Instant asOf, LocalDate day, long onlineSessions, long onlineUsers, long activeSubscribers,
                   long pendingPayments, long paymentsToday, long failedPaymentsToday,
                   long unmatchedPaymentsToday, List<DashboardQueries.Revenue> revenueToday) {
    }

    record Usage(LocalDate from, LocalDate to, List<DashboardQueries.UsageDay> days) {
    }

    private final DashboardQueries queries;
    private final UsageDays usageDays;
    private final CurrentTenant current;
    private final Clock clock;
    private final TenantZones zones;

    DashboardController(DashboardQueries queries, UsageDays usageDays, CurrentTenant current, Clock clock,
                        TenantZones zones) {
        this.queries = queries;
        this.usageDays = usageDays;
        this.current = current;
        this.clock = clock;
        this.zones = zones;
    }

    @GetMapping
    @Operation(summary = "Online now, today's revenue and payment counts (today in the tenant's time zone), active"
            + " subscribers")
    Summary summary() {
        TenantId tenant = current.require();
        Instant now = clock.instant();
        ZoneId zone = zones.of(tenant);
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant dayStart = today.atStartOfDay(zone).toInstant();
        var counts = queries.counts(tenant, now, dayStart);
        return new Summary(now, today, counts.onlineSessions(), counts.onlineUsers(), counts.activeSubscribers(),
                counts.pendingPayments(), counts.paymentsToday(), counts.failedToday(), counts.unmatchedToday(),
                queries.revenueSince(tenant, dayStart));
    }

    @GetMapping("/usage")
    @Operation(summary = "Sessions started and octets per day (in the tenant's time zone) over the last `days` days"
            + " (1–31), days without sessions included as zeros")
    Usage usage(@RequestParam(defaultValue = "7") int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw ApiProblem.invalidField("days", "must be between 1 and " + MAX_DAYS);
        }
        TenantId tenant = current.require();
        ZoneId zone = zones.of(tenant);
        Instant now = clock.instant();
        LocalDate last = LocalDate.ofInstant(now, zone);
        LocalDate first = last.minusDays(days - 1L);
        return new Usage(first, last, usageDays.between(tenant, first, last, zone, now));
    }
}
