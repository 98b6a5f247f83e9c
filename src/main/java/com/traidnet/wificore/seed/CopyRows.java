package com.traidnet.wificore.seed;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;

/**
 * One {@code COPY table (columns) FROM STDIN} in PostgreSQL's text format, on the connection of the surrounding
 * tenant transaction (so {@code search_path} names the tenant's schema). Rows are buffered and sent in 256 KiB
 * pieces: a million sessions never sit in memory as text. The values we write are generated, never typed by
 * anyone, but tab, newline and backslash are escaped anyway.
 */
final class CopyRows implements AutoCloseable {

    private static final int FLUSH_AT = 256 * 1024;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private boolean first = true;
    private long rows;

    /** Must run inside {@code TenantGateway.inTenant}; {@code table} and {@code columns} are constants of ours. */
    CopyRows(DataSource dataSource, String table, String columns) {
        try {
            var connection = DataSourceUtils.getConnection(dataSource);
            copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " (" + columns + ") from stdin");
        } catch (SQLException e) {
            throw new IllegalStateException("copy into " + table + " failed to start", e);
        }
    }

    CopyRows add(Object value) {
        if (!first) {
            buffer.append('\t');
        }
        first = false;
        if (value == null) {
            buffer.append("\\N");
        } else if (value instanceof Instant i) {
            buffer.append(i);
        } else if (value instanceof Number || value instanceof Boolean || value instanceof java.util.UUID) {
            buffer.append(value);
        } else {
            escape(value.toString());
        }
        return this;
    }

    void end() {
        buffer.append('\n');
        first = true;
        rows++;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    long rows() {
        return rows;
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
    }

    private void flush() {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        buffer.setLength(0);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IllegalStateException("copy failed", e);
        }
    }

    @Override
    public void close() {
        try {
            if (buffer.length() > 0) {
                flush();
            }
            copy.endCopy();
        } catch (SQLException e) {
            throw new IllegalStateException("copy failed", e);
        } finally {
            if (copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException ignored) {
                    // the transaction is rolled back by the caller's exception anyway
                }
            }
        }
    }
}
