package com.traidnet.wificore.hotspot;

import org.springframework.web.util.HtmlUtils;

import java.util.List;

/**
 * A batch as a print-ready HTML page: A4, 3 × 8 vouchers per sheet, each with the tenant's
 * name, the code, the package, its price and validity. No scripts or external assets, so it
 * prints the same from any browser and offline.
 */
final class VoucherSheet {

    private VoucherSheet() {
    }

    static String render(String brand, VoucherBatch batch, List<Vouchers.Code> codes) {
        StringBuilder html = new StringBuilder(4096 + codes.size() * 400);
        html.append("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Vouchers</title>
                <style>
                @page { size: A4; margin: 10mm; }
                body { font-family: sans-serif; margin: 0; }
                .sheet { display: grid; grid-template-columns: repeat(3, 1fr); gap: 3mm; }
                .voucher { border: 1px dashed #555; padding: 3mm; height: 28mm; break-inside: avoid; }
                .voucher:nth-child(24n) { break-after: page; }
                .brand { font-size: 9pt; font-weight: bold; }
                .code { font-family: monospace; font-size: 15pt; letter-spacing: 1px; margin: 2mm 0; }
                .terms { font-size: 8pt; }
                </style></head><body><div class="sheet">
                """);
        String brandText = esc(brand);
        String terms = esc(batch.packageName()) + " · " + esc(batch.currency()) + " " + batch.price().toPlainString()
                + " · " + esc(batch.validity())
                + (batch.expiresAt() == null ? "" : " · use by " + batch.expiresAt().toString().substring(0, 10));
        for (Vouchers.Code code : codes) {
            if (code.redeemedAt() != null) {
                continue; // a redeemed code is worth nothing on paper
            }
            html.append("<div class=\"voucher\"><div class=\"brand\">").append(brandText)
                    .append("</div><div class=\"code\">").append(esc(code.code()))
                    .append("</div><div class=\"terms\">").append(terms).append("</div></div>\n");
        }
        return html.append("</div></body></html>\n").toString();
    }

    private static String esc(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }
}
