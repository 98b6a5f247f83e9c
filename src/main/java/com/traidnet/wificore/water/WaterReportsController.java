package com.traidnet.wificore.water;

import com.traidnet.wificore.platform.CsvDownload;
import com.traidnet.wificore.platform.Page;
import com.traidnet.wificore.tenant.CurrentTenant;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Water reports as JSON and {@code .csv}, following the reports module: a day range answers
 * {@code {from, to, zone, rows}}; lists are pages; a CSV has every row (up to {@value CsvDownload#MAX_ROWS}).
 */
@RestController
@RequestMapping("/api/reports/water")
@Tag(name = "Reports")
class WaterReportsController {

    record DayReport<T>(LocalDate from, LocalDate to, String zone, List<T> rows) {
    }

    private final WaterReports reports;
    private final CurrentTenant current;

    WaterReportsController(WaterReports reports, CurrentTenant current) {
        this.reports = reports;
        this.current = current;
    }

    @GetMapping("/dispensers-daily")
    DayReport<WaterReports.DispenserDay> dispensersDaily(@RequestParam(required = false) String from,
                                                         @RequestParam(required = false) String to) {
        var range = reports.range(current.require(), from, to);
        return new DayReport<>(range.from(), range.to(), range.zone().getId(), reports.dispensersDaily(current.require(), range));
    }

    @GetMapping("/dispensers-daily.csv")
    ResponseEntity<String> dispensersDailyCsv(@RequestParam(required = false) String from,
                                              @RequestParam(required = false) String to) {
        var report = dispensersDaily(from, to);
        return CsvDownload.of("water-dispensers-daily-" + report.from() + "-" + report.to() + ".csv",
                List.of("day", "dispenser_id", "dispenser", "currency", "dispenses", "litres", "revenue", "flagged"),
                report.rows(), r -> Arrays.asList(r.day(), r.dispenserId(), r.dispenserName(), r.currency(),
                        r.dispenses(), r.litres(), r.revenue(), r.flagged()));
    }

    @GetMapping("/customers")
    Page<WaterReports.CustomerUsage> customers(@RequestParam(required = false) String from,
                                               @RequestParam(required = false) String to,
                                               @RequestParam(defaultValue = "0") int page,
                                               @RequestParam(defaultValue = "50") int size) {
        var p = Page.request(page, size);
        return p.of(reports.customers(current.require(), reports.range(current.require(), from, to), p.offset(), p.limit()));
    }

    @GetMapping("/customers.csv")
    ResponseEntity<String> customersCsv(@RequestParam(required = false) String from,
                                        @RequestParam(required = false) String to) {
        var range = reports.range(current.require(), from, to);
        return CsvDownload.of("water-customers-" + range.from() + "-" + range.to() + ".csv",
                List.of("customer_id", "name", "card_id", "phone", "dispenses", "litres", "debited", "credited", "balance"),
                reports.customers(current.require(), range, 0, CsvDownload.MAX_ROWS),
                r -> Arrays.asList(r.customerId(), r.name(), r.cardId(), r.phone(), r.dispenses(), r.litres(),
                        r.debited(), r.credited(), r.balance()));
    }

    @GetMapping("/low-balances")
    Page<WaterReports.LowBalance> lowBalances(@RequestParam(required = false) BigDecimal below,
                                              @RequestParam(defaultValue = "0") int page,
                                              @RequestParam(defaultValue = "50") int size) {
        var p = Page.request(page, size);
        return p.of(reports.lowBalances(current.require(), below, p.offset(), p.limit()));
    }

    @GetMapping("/low-balances.csv")
    ResponseEntity<String> lowBalancesCsv(@RequestParam(required = false) BigDecimal below) {
        return CsvDownload.of("water-low-balances.csv", List.of("customer_id", "name", "card_id", "phone", "balance",
                        "credit_limit", "last_dispense_at"), reports.lowBalances(current.require(), below, 0, CsvDownload.MAX_ROWS),
                r -> Arrays.asList(r.customerId(), r.name(), r.cardId(), r.phone(), r.balance(), r.creditLimit(),
                        r.lastDispenseAt()));
    }

    @GetMapping("/offline-dispensers")
    Page<WaterReports.Offline> offline(@RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = "50") int size) {
        var p = Page.request(page, size);
        return p.of(reports.offlineDispensers(current.require(), p.offset(), p.limit()));
    }

    @GetMapping("/offline-dispensers.csv")
    ResponseEntity<String> offlineCsv() {
        return CsvDownload.of("water-offline-dispensers.csv", List.of("dispenser_id", "device_id", "name", "location", "status",
                        "last_seen_at", "silent_seconds"), reports.offlineDispensers(current.require(), 0, CsvDownload.MAX_ROWS),
                r -> Arrays.asList(r.dispenserId(), r.deviceId(), r.name(), r.location(), r.status(), r.lastSeenAt(),
                        r.silentSeconds()));
    }
}
