package com.traidnet.wificore.partition;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * "Exactly one maintenance run at a time, across all nodes": a transaction-scoped advisory lock
 * ({@code pg_try_advisory_xact_lock}) held on a dedicated connection for the whole run. Whoever
 * does not get it skips — never waits. The lock ends with that transaction: on {@link #close()},
 * and by itself if the process dies and its connection drops, so no lock outlives its holder.
 */
final class MaintenanceLock implements AutoCloseable {

    /** Arbitrary but fixed: ASCII "wcpartit". */
    static final long KEY = 0x7763_7061_7274_6974L;

    private final Connection connection;

    private MaintenanceLock(Connection connection) {
        this.connection = connection;
    }

    static Optional<MaintenanceLock> tryAcquire(DataSource dataSource) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (var st = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
                st.setLong(1, KEY);
                try (var rs = st.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return Optional.of(new MaintenanceLock(connection));
                    }
                }
            }
            release(connection);
            return Optional.empty();
        } catch (SQLException e) {
            if (connection != null) {
                release(connection);
            }
            throw new IllegalStateException("cannot take the partition maintenance lock: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        release(connection);
    }

    private static void release(Connection connection) {
        try (connection) {
            connection.rollback(); // ends the transaction, and with it the lock
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // a broken connection has released the lock with its session
        }
    }
}
