package com.traidnet.wificore.water;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.platform.Page;
import com.traidnet.wificore.tenant.CurrentTenant;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * {@code GET /api/water/transactions}: filters {@code dispenser}, {@code customer}, {@code from}/{@code to}
 * (ISO instants, or dates meaning UTC midnight; {@code to} exclusive) and {@code flagged}.
 */
@RestController
@RequestMapping("/api/water/transactions")
@Tag(name = "Water")
class TransactionsController {

    private final Transactions transactions;
    private final CurrentTenant current;

    TransactionsController(Transactions transactions, CurrentTenant current) {
        this.transactions = transactions;
        this.current = current;
    }

    @GetMapping
    Page<Transactions.Transaction> list(@RequestParam(required = false) UUID dispenser,
                                        @RequestParam(required = false) UUID customer,
                                        @RequestParam(required = false) String from,
                                        @RequestParam(required = false) String to,
                                        @RequestParam(required = false) Boolean flagged,
                                        @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "50") int size) {
        // dates are whole UTC days, both ends included (as in the reports); instants are [from, to)
        Instant until = to != null && to.length() == 10
                ? instant("to", to).plus(java.time.Duration.ofDays(1)) : instant("to", to);
        var filter = new Transactions.Filter(dispenser, customer, instant("from", from), until, flagged);
        return transactions.list(current.require(), filter, Page.request(page, size));
    }

    static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(field, "must be an ISO date (2026-01-31) or instant (2026-01-31T08:00:00Z)");
        }
    }
}
