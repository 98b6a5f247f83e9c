package com.traidnet.wificore.reports;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/** A report as an RFC 4180 CSV download ({@code text/csv}, a file name in Content-Disposition). */
final class CsvFile {

    /** Paginated reports export every row up to this many, ignoring page and size. */
    static final int MAX_ROWS = 100_000;

    private CsvFile() {
    }

    static <T> ResponseEntity<String> of(String filename, List<String> header, List<T> rows,
                                         Function<T, List<?>> cells) {
        StringBuilder out = new StringBuilder(line(header));
        rows.forEach(row -> out.append(line(cells.apply(row))));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .body(out.toString());
    }

    private static String line(List<?> cells) {
        return String.join(",", cells.stream().map(CsvFile::field).toList()) + "\r\n";
    }

    /** A leading {@code = + - @} gets a {@code '} so a spreadsheet does not run the cell as a formula. */
    static String field(Object value) {
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
