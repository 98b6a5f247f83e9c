package com.traidnet.wificore.platform;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * RFC 4180 CSV as every export writes it: {@code text/csv}, a file name in Content-Disposition, CRLF lines, quoted
 * fields where needed, and a leading {@code = + - @} prefixed with {@code '} so a spreadsheet opening the file does
 * not run it as a formula (CSV injection). The one writer for reports, water and hotspot exports.
 */
public final class CsvDownload {

    /** Exports of paginated lists give every row up to this many, ignoring page and size. */
    public static final int MAX_ROWS = 100_000;

    private CsvDownload() {
    }

    public static <T> ResponseEntity<String> of(String filename, List<String> header, List<T> rows,
                                                Function<T, List<?>> cells) {
        StringBuilder out = new StringBuilder(line(header));
        rows.forEach(row -> out.append(line(cells.apply(row))));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .body(out.toString());
    }

    public static String line(List<?> cells) {
        return String.join(",", cells.stream().map(CsvDownload::field).toList()) + "\r\n";
    }

    public static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        String safe = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
