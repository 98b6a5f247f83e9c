package com.traidnet.wificore.water;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/** RFC 4180 CSV downloads, like the reports module's ({@code text/csv}, a file name in Content-Disposition). */
final class Csv {

    private Csv() {
    }

    static <T> ResponseEntity<String> of(String filename, List<String> header, List<T> rows, Function<T, List<?>> cells) {
        StringBuilder out = new StringBuilder(line(header));
        rows.forEach(row -> out.append(line(cells.apply(row))));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .body(out.toString());
    }

    private static String line(List<?> cells) {
        return String.join(",", cells.stream().map(Csv::field).toList()) + "\r\n";
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
