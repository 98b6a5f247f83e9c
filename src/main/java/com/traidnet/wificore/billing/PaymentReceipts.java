package com.traidnet.wificore.billing;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import com.traidnet.wificore.tenant.TenantZones;
import com.traidnet.wificore.tenant.Tenants;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * A settled payment's receipt for the customer, as a print-ready HTML page (A6-ish, no scripts or
 * external assets, like the voucher sheet): the tenant's name, the receipt number (M-Pesa's,
 * or {@code CASH-…}), when it was paid in the tenant's time zone, the payer's phone, what it
 * bought in words ({@link PaymentFulfilment#describe}) and the amount. Only a settled payment
 * has one: a pending, failed or unmatched one is a 409 (staff reconcile an unmatched one first).
 */
@Service
class PaymentReceipts {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final PaymentLedger ledger;
    private final TenantGateway gateway;
    private final Fulfilments fulfilments;
    private final Tenants tenants;
    private final TenantZones zones;

    PaymentReceipts(PaymentLedger ledger, TenantGateway gateway, Fulfilments fulfilments, Tenants tenants,
                    TenantZones zones) {
        this.ledger = ledger;
        this.gateway = gateway;
        this.fulfilments = fulfilments;
        this.tenants = tenants;
        this.zones = zones;
    }

    /** The payment with what it buys in words (null when the reference is unknown, e.g. an unmatched payment). */
    PaymentView described(TenantId tenant, PaymentView p) {
        return p.withDescription(gateway.inTenant(tenant, sql -> fulfilments.describe(sql,
                SettledPayment.Purpose.valueOf(p.purpose()), p.reference()).orElse(null)));
    }

    String html(TenantId tenant, UUID paymentId) {
        PaymentView p = ledger.find(tenant, paymentId).orElseThrow(() -> ApiProblem.notFound("payment " + paymentId));
        if (!"settled".equals(p.status())) {
            throw ApiProblem.conflict("payment " + paymentId + " is " + p.status()
                    + ": a receipt is issued for a settled payment only");
        }
        record Header(String displayName, String what) {
        }
        Header header = gateway.inTenant(tenant, sql -> new Header(
                sql.sql("select display_name from branding").query(String.class).optional().orElse(null),
                fulfilments.describe(sql, SettledPayment.Purpose.valueOf(p.purpose()), p.reference()).orElse(null)));
        String brand = header.displayName() != null && !header.displayName().isBlank() ? header.displayName()
                : tenants.find(tenant).map(t -> t.name()).orElse("");
        ZoneId zone = zones.of(tenant);
        return render(brand, p, header.what() != null ? header.what() : fallback(p), zone);
    }

    private static String fallback(PaymentView p) {
        return switch (p.purpose()) {
            case "HOTSPOT_PACKAGE" -> "Internet package";
            case "PPPOE_BILL" -> "Internet bill, account " + p.reference();
            case "WATER_TOPUP" -> "Water top-up";
            default -> p.purpose();
        };
    }

    static String render(String brand, PaymentView p, String what, ZoneId zone) {
        Instant paidAt = p.settledAt() != null ? p.settledAt() : p.updatedAt();
        String amount = p.currency() + " " + (p.paidAmount() != null ? p.paidAmount() : p.amount()).toPlainString();
        String method = switch (p.method()) {
            case "cash" -> "Cash";
            case "mpesa_stk", "mpesa_c2b" -> "M-Pesa";
            default -> p.method();
        };
        var rows = new StringBuilder();
        row(rows, "Receipt no.", p.receipt() == null ? p.id().toString() : p.receipt());
        row(rows, "Date", WHEN.format(paidAt.atZone(zone)) + " (" + zone.getId() + ")");
        row(rows, "Paid by", method + (p.phone() == null ? "" : ", " + p.phone()));
        row(rows, "For", what);
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Receipt %s</title>
                <style>
                @page { size: A6; margin: 8mm; }
                body { font-family: sans-serif; max-width: 105mm; margin: 8mm auto; color: #111; }
                h1 { font-size: 14pt; margin: 0 0 1mm; } .sub { color: #444; font-size: 9pt; margin-bottom: 4mm; }
                table { width: 100%%; border-collapse: collapse; font-size: 10pt; }
                th { text-align: left; font-weight: normal; color: #444; padding: 1.2mm 3mm 1.2mm 0; vertical-align: top; }
                td { padding: 1.2mm 0; } .total td, .total th { border-top: 1px solid #111; font-weight: bold; font-size: 12pt; }
                .foot { margin-top: 5mm; font-size: 8pt; color: #444; }
                </style></head><body>
                <h1>%s</h1><div class="sub">Payment receipt</div>
                <table>%s<tr class="total"><th>Amount paid</th><td>%s</td></tr></table>
                <p class="foot">Payment %s</p>
                </body></html>
                """.formatted(esc(p.receipt() == null ? "" : p.receipt()), esc(brand), rows, esc(amount),
                esc(p.id().toString()));
    }

    private static void row(StringBuilder rows, String label, String value) {
        rows.append("<tr><th>").append(esc(label)).append("</th><td>").append(esc(value)).append("</td></tr>");
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s == null ? "" : s, "UTF-8");
    }
}
