package com.traidnet.wificore.hotspot;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Subscribers as CSV. Export writes {@link #COLUMNS} (no passwords: they live only in radcheck).
 * Import reads the same columns by header name (others are ignored; {@code package} is a
 * package name), at most {@value #MAX_ROWS} rows, and is all-or-nothing: every row is
 * checked first, and one bad row means nothing is imported and every bad row is reported.
 * Imported subscribers get generated passwords (staff reset them per subscriber).
 */
@Component
class SubscriberCsv {

    static final int MAX_ROWS = 5000;
    static final List<String> COLUMNS = List.of("kind", "username", "phone", "account_number", "mac_address",
            "status", "package", "expires_at", "static_ip", "ip_pool", "next_due_at", "grace_days");

    record RowError(int line, String field, String message) {
    }

    /** Either {@code imported} rows or the {@code errors} that stopped the import. */
    record ImportResult(int imported, List<RowError> errors) {
    }

    private final TenantGateway gateway;
    private final SubscriberWrites writes;

    SubscriberCsv(TenantGateway gateway, SubscriberWrites writes) {
        this.gateway = gateway;
        this.writes = writes;
    }

    String export(TenantId tenant) {
        return gateway.inTenant(tenant, sql -> {
            StringBuilder out = new StringBuilder(Csv.line(COLUMNS));
            sql.sql("select " + Subscriber.COLUMNS + " from subscribers order by created_at, id")
                    .query(Subscriber::map).list().forEach(s -> out.append(Csv.line(java.util.Arrays.asList(
                            s.kind(), s.username(), s.phone(), s.accountNumber(), s.macAddress(), s.status(),
                            s.terms() == null ? null : s.terms().packageName(), text(s.expiresAt()), s.staticIp(),
                            s.ipPool(), text(s.nextDueAt()), Integer.toString(s.graceDays())))));
            return out.toString();
        });
    }

    ImportResult importCsv(TenantId tenant, Actor actor, String text) {
        List<List<String>> records = Csv.parse(text == null ? "" : text.replace("\uFEFF", ""));
        if (records.isEmpty()) {
            throw ApiProblem.invalidField("file", "is empty: expected a header line and rows");
        }
        if (records.size() - 1 > MAX_ROWS) {
            throw ApiProblem.invalidField("file", "has more than " + MAX_ROWS + " rows; split it");
        }
        List<String> header = records.getFirst().stream().map(h -> h.strip().toLowerCase()).toList();
        if (!header.contains("kind")) {
            throw ApiProblem.invalidField("file", "the header line must name the columns, including 'kind'");
        }
        return gateway.inTenant(tenant, sql -> {
            Instant now = writes.clock().instant().truncatedTo(ChronoUnit.SECONDS);
            List<RowError> errors = new ArrayList<>();
            List<Subscriber> valid = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 1; i < records.size(); i++) {
                Map<String, String> row = row(header, records.get(i));
                int line = i + 1;
                try {
                    Subscriber s = Subscribers.build(sql, request(sql, row), now);
                    s = "blocked".equals(row.get("status")) || "disabled".equals(row.get("status"))
                            ? s.withStatus(row.get("status")) : s;
                    checkUnique(sql, s, seen);
                    valid.add(s);
                } catch (ApiProblem e) {
                    errors.add(new RowError(line, e.field(), e.field() == null ? e.getMessage() : e.fieldMessage()));
                }
            }
            if (!errors.isEmpty()) {
                return new ImportResult(0, errors);
            }
            valid.forEach(s -> writes.create(sql, s, null, actor, "imported", Map.of("username", s.username())));
            actor.audit(sql, "subscribers.imported", valid.size() + " rows");
            return new ImportResult(valid.size(), List.of());
        });
    }

    private static SubscriberRequest request(JdbcClient sql, Map<String, String> row) {
        String kind = row.get("kind");
        if (kind == null || !kind.matches("hotspot|pppoe")) {
            throw ApiProblem.invalidField("kind", "must be hotspot or pppoe");
        }
        UUID packageId = null;
        String packageName = row.get("package");
        if (packageName != null) {
            packageId = sql.sql("select id from packages where lower(name) = lower(?) and archived_at is null")
                    .param(packageName).query(UUID.class).optional()
                    .orElseThrow(() -> ApiProblem.invalidField("package", "no package named '" + packageName + "'"));
        }
        String phone = row.get("phone") != null ? row.get("phone") : "hotspot".equals(kind) ? row.get("username") : null;
        return new SubscriberRequest(kind, phone, row.get("account_number"),
                "pppoe".equals(kind) ? row.get("username") : null, null, row.get("mac_address"), packageId,
                instant(row.get("expires_at"), "expires_at"), row.get("static_ip"), row.get("ip_pool"),
                instant(row.get("next_due_at"), "next_due_at"), integer(row.get("grace_days")));
    }

    private static void checkUnique(JdbcClient sql, Subscriber s, Set<String> seen) {
        if (!seen.add("u:" + s.username()) || (s.accountNumber() != null && !seen.add("a:" + s.accountNumber()))) {
            throw ApiProblem.invalidField("username", "appears twice in the file");
        }
        boolean taken = sql.sql("select exists (select 1 from subscribers where username = ? or account_number = ?)")
                .params(s.username(), s.accountNumber()).query(Boolean.class).single();
        if (taken) {
            throw ApiProblem.invalidField("username", "a subscriber '" + s.username() + "' already exists");
        }
    }

    private static Map<String, String> row(List<String> header, List<String> fields) {
        Map<String, String> row = new java.util.HashMap<>();
        for (int i = 0; i < header.size() && i < fields.size(); i++) {
            String value = fields.get(i).strip();
            row.put(header.get(i), value.isEmpty() ? null : value);
        }
        return row;
    }

    private static Instant instant(String text, String field) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (RuntimeException e) {
            throw ApiProblem.invalidField(field, "must be an ISO-8601 instant, e.g. 2030-01-31T23:59:59Z");
        }
    }

    private static Integer integer(String text) {
        try {
            return text == null ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidField("grace_days", "must be a whole number");
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
