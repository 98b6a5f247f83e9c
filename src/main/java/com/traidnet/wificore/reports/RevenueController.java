package com.traidnet.wificore.reports;

import com.traidnet.wificore.platform.CsvDownload;
import com.traidnet.wificore.tenant.CurrentTenant;
import com.traidnet.wificore.tenant.TenantZones;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/** Revenue reports, as JSON and as {@code .csv}; every staff role may read them. */
@RestController
@RequestMapping("/api/reports/revenue")
@Tag(name = "Reports")
class RevenueController {

    private final Revenue revenue;
    private final CurrentTenant current;
    private final Clock clock;
    private final TenantZones zones;

    RevenueController(Revenue revenue, CurrentTenant current, Clock clock, TenantZones zones) {
        this.revenue = revenue;
        this.current = current;
        this.clock = clock;
        this.zones = zones;
    }

    private ReportRange range(String from, String to) {
        return ReportRange.parse(from, to, clock, zones.of(current.require()));
    }

    @GetMapping("/daily")
    RangeReport<Revenue.Day> daily(@RequestParam(required = false) String from,
                                   @RequestParam(required = false) String to) {
        var range = range(from, to);
        return RangeReport.of(range, revenue.daily(current.require(), range));
    }

    @GetMapping("/daily.csv")
    ResponseEntity<String> dailyCsv(@RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to) {
        var report = daily(from, to);
        return CsvDownload.of(name("revenue-daily", report), List.of("day", "currency", "payments", "amount"),
                report.rows(), r -> Arrays.asList(r.day(), r.currency(), r.payments(), r.amount()));
    }

    @GetMapping("/packages")
    RangeReport<Revenue.ByPackage> packages(@RequestParam(required = false) String from,
                                            @RequestParam(required = false) String to) {
        var range = range(from, to);
        return RangeReport.of(range, revenue.perPackage(current.require(), range));
    }

    @GetMapping("/packages.csv")
    ResponseEntity<String> packagesCsv(@RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to) {
        var report = packages(from, to);
        return CsvDownload.of(name("revenue-packages", report),
                List.of("package_id", "package", "type", "currency", "payments", "amount"), report.rows(),
                r -> Arrays.asList(r.packageId(), r.packageName(), r.packageType(), r.currency(),
                        r.payments(), r.amount()));
    }

    @GetMapping("/nas")
    RangeReport<Revenue.ByNas> nas(@RequestParam(required = false) String from,
                                   @RequestParam(required = false) String to) {
        var range = range(from, to);
        return RangeReport.of(range, revenue.perNas(current.require(), range));
    }

    @GetMapping("/nas.csv")
    ResponseEntity<String> nasCsv(@RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to) {
        var report = nas(from, to);
        return CsvDownload.of(name("revenue-nas", report), List.of("nas_id", "nas", "currency", "payments", "amount"),
                report.rows(), r -> Arrays.asList(r.nasId(), r.nasName(), r.currency(), r.payments(),
                        r.amount()));
    }

    static String name(String report, RangeReport<?> range) {
        return report + "-" + range.from() + "-" + range.to() + ".csv";
    }
}
