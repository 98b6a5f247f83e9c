package com.traidnet.wificore.platform.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Names of the WAL segment files between two positions, computed the way the server names them
 * ({@code XLogFileName}): timeline, then the segment number split into "log" and "seg" parts,
 * 8 hex digits each. The start position's segment is the one holding it; the stop position's is
 * the one holding the byte before it ({@code XLByteToPrevSeg}), since {@code pg_backup_stop}
 * returns the end of the backup-end record, which may fall exactly on a segment boundary.
 */
final class WalSegments {

    private WalSegments() {
    }

    /** An LSN as PostgreSQL prints it ({@code 16/B374D848}) as a number. */
    static long parseLsn(String lsn) {
        int slash = lsn.indexOf('/');
        if (slash < 1) {
            throw new IllegalArgumentException("not an LSN: " + lsn);
        }
        return (Long.parseUnsignedLong(lsn.substring(0, slash), 16) << 32)
                | Long.parseUnsignedLong(lsn.substring(slash + 1), 16);
    }

    /** The segment files from {@code start}'s through {@code stop}'s, in order. */
    static List<String> between(int timeline, long start, long stop, long segmentSize) {
        if (segmentSize <= 0 || Long.bitCount(segmentSize) != 1) {
            throw new IllegalArgumentException("WAL segment size must be a power of two: " + segmentSize);
        }
        long first = start / segmentSize;
        long last = Math.max(first, (stop - 1) / segmentSize);
        List<String> names = new ArrayList<>();
        for (long segment = first; segment <= last; segment++) {
            names.add(name(timeline, segment, segmentSize));
        }
        return names;
    }

    static String name(int timeline, long segment, long segmentSize) {
        long perLogId = 0x1_0000_0000L / segmentSize;
        return String.format(Locale.ROOT, "%08X%08X%08X", timeline, segment / perLogId, segment % perLogId);
    }
}
