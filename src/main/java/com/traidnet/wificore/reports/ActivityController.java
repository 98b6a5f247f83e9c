package com.traidnet.wificore.reports;

import com.traidnet.wificore.platform.CsvDownload;
import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.platform.Page;
import com.traidnet.wificore.tenant.CurrentTenant;
import com.traidnet.wificore.tenant.TenantZones;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Subscribers, expiring soon, online now and top users, as JSON and as {@code .csv}; every staff role may read them. */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "Reports")
class ActivityController {

    private static final Pattern WITHIN = Pattern.compile("(\\d{1,4})([hd])");

    record Counts(Instant asOf, long subscribers, long unexpired, List<SubscriberReports.Count> rows) {
    }

    record Online(Instant asOf, long sessions, List<OnlineNow.ByNas> nas) {
    }

    private final SubscriberReports subscribers;
    private final OnlineNow online;
    private final TopUsers topUsers;
    private final CurrentTenant current;
    private final Clock clock;
    private final TenantZones zones;

    ActivityController(SubscriberReports subscribers, OnlineNow online, TopUsers topUsers, CurrentTenant current,
                       Clock clock, TenantZones zones) {
        this.subscribers = subscribers;
        this.online = online;
        this.topUsers = topUsers;
        this.current = current;
        this.clock = clock;
        this.zones = zones;
    }

    @GetMapping("/subscribers")
    Counts subscribers() {
        var rows = subscribers.counts(current.require());
        return new Counts(clock.instant(), rows.stream().mapToLong(SubscriberReports.Count::subscribers).sum(),
                rows.stream().mapToLong(SubscriberReports.Count::unexpired).sum(), rows);
    }

    @GetMapping("/subscribers.csv")
    ResponseEntity<String> subscribersCsv() {
        return CsvDownload.of("subscribers.csv", List.of("kind", "status", "subscribers", "unexpired"),
                subscribers.counts(current.require()), r -> Arrays.asList(r.kind(), r.status(), r.subscribers(),
                        r.unexpired()));
    }

    @GetMapping("/expiring")
    Page<SubscriberReports.Expiring> expiring(@RequestParam(defaultValue = "24h") String within,
                                              @RequestParam(defaultValue = "0") int page,
                                              @RequestParam(defaultValue = "50") int size) {
        return subscribers.expiring(current.require(), window(within), Page.request(page, size));
    }

    @GetMapping("/expiring.csv")
    ResponseEntity<String> expiringCsv(@RequestParam(defaultValue = "24h") String within) {
        return CsvDownload.of("expiring-" + within + ".csv",
                List.of("id", "kind", "username", "phone", "account_number", "package", "expires_at"),
                subscribers.expiring(current.require(), window(within), 0, CsvDownload.MAX_ROWS),
                r -> Arrays.asList(r.id(), r.kind(), r.username(), r.phone(), r.accountNumber(), r.packageName(),
                        r.expiresAt()));
    }

    @GetMapping("/online")
    Online online() {
        var rows = online.perNas(current.require());
        return new Online(clock.instant(), rows.stream().mapToLong(OnlineNow.ByNas::sessions).sum(), rows);
    }

    @GetMapping("/online.csv")
    ResponseEntity<String> onlineCsv() {
        return CsvDownload.of("online.csv", List.of("nas_id", "nas", "nas_ip", "sessions", "users"),
                online.perNas(current.require()), r -> Arrays.asList(r.nasId(), r.nasName(), r.nasIp(),
                        r.sessions(), r.users()));
    }

    @GetMapping("/online/sessions")
    Page<OnlineNow.Session> onlineSessions(@RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "50") int size) {
        return online.sessions(current.require(), Page.request(page, size));
    }

    @GetMapping("/online/sessions.csv")
    ResponseEntity<String> onlineSessionsCsv() {
        return CsvDownload.of("online-sessions.csv", List.of("username", "nas_id", "nas", "nas_ip", "framed_ip",
                        "calling_station_id", "started_at", "updated_at", "session_time", "input_octets",
                        "output_octets"),
                online.sessions(current.require(), 0, CsvDownload.MAX_ROWS),
                s -> Arrays.asList(s.username(), s.nasId(), s.nasName(), s.nasIp(), s.framedIp(),
                        s.callingStationId(), s.startedAt(), s.updatedAt(), s.sessionTime(), s.inputOctets(),
                        s.outputOctets()));
    }

    @GetMapping("/top-users")
    RangeReport<TopUsers.TopUser> topUsers(@RequestParam(required = false) String from,
                                           @RequestParam(required = false) String to,
                                           @RequestParam(defaultValue = "10") int limit) {
        if (limit < 1 || limit > TopUsers.MAX_LIMIT) {
            throw ApiProblem.invalidField("limit", "must be between 1 and " + TopUsers.MAX_LIMIT);
        }
        var range = ReportRange.parse(from, to, clock, zones.of(current.require()));
        return RangeReport.of(range, topUsers.top(current.require(), range, limit));
    }

    @GetMapping("/top-users.csv")
    ResponseEntity<String> topUsersCsv(@RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to,
                                       @RequestParam(defaultValue = "10") int limit) {
        var report = topUsers(from, to, limit);
        return CsvDownload.of(RevenueController.name("top-users", report),
                List.of("username", "sessions", "input_octets", "output_octets", "total_octets"), report.rows(),
                r -> Arrays.asList(r.username(), r.sessions(), r.inputOctets(), r.outputOctets(), r.totalOctets()));
    }

    /** {@code 12h} or {@code 7d}: from one hour to 90 days. */
    static Duration window(String within) {
        var matcher = WITHIN.matcher(within.strip());
        if (!matcher.matches()) {
            throw ApiProblem.invalidField("within", "must be hours or days, like 24h or 7d");
        }
        long n = Long.parseLong(matcher.group(1));
        Duration window = matcher.group(2).equals("h") ? Duration.ofHours(n) : Duration.ofDays(n);
        if (window.compareTo(Duration.ofHours(1)) < 0 || window.compareTo(Duration.ofDays(90)) > 0) {
            throw ApiProblem.invalidField("within", "must be between 1h and 90d");
        }
        return window;
    }
}
