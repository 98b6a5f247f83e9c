package com.traidnet.wificore.jobs;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A job's identity: a UUIDv7 (RFC 9562 §5.7) whose first 48 bits are the enqueue time in
 * milliseconds. That time is also the job's partition key, so the id alone names the one
 * daily partition the job lives in (see docs/decisions/0007-job-queue.md).
 */
public record JobId(UUID value) {

    public JobId {
        Objects.requireNonNull(value, "job id");
        if (value.version() != 7) {
            throw new IllegalArgumentException("not a job id (UUIDv7): " + value);
        }
    }

    /** Parses a job id, or returns null when {@code text} is not one. */
    public static JobId parseOrNull(String text) {
        try {
            return text == null ? null : new JobId(UUID.fromString(text.trim()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** When the job was enqueued (millisecond precision): its partition key. */
    public Instant enqueuedAt() {
        return Instant.ofEpochMilli(value.getMostSignificantBits() >>> 16);
    }

    /**
     * A new id for a job enqueued at {@code now}. The 74 random bits only need to be unique,
     * not unpredictable (ids are no secret and every read is access-checked), hence no SecureRandom.
     */
    static JobId next(Instant now) {
        long millis = now.toEpochMilli();
        var random = ThreadLocalRandom.current();
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new JobId(new UUID(high, low));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
