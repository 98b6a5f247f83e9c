package com.traidnet.wificore.radius.server;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Duplicate detection (RFC 5080 §2.2.2): a request with the same source, identifier and
 * Request Authenticator as one seen within the window is a retransmission. It must get the
 * same reply and must not be processed twice (a second accounting write, a second
 * Simultaneous-Use count). Two generations of maps rotate every window, so an entry lives
 * between one and two windows and memory stays bounded by the packet rate.
 */
final class ReplayCache {

    /** What we know about a request: still being processed, or answered with these bytes. */
    sealed interface Entry permits InProgress, Answered {
    }

    record InProgress() implements Entry {
    }

    record Answered(byte[] reply) implements Entry {
    }

    record Key(InetSocketAddress source, int identifier, long authHigh, long authLow) {
        static Key of(InetSocketAddress source, byte[] datagram) {
            ByteBuffer b = ByteBuffer.wrap(datagram, 4, 16);
            return new Key(source, datagram[1] & 0xFF, b.getLong(), b.getLong());
        }
    }

    private static final InProgress IN_PROGRESS = new InProgress();

    private final long windowNanos;
    private volatile ConcurrentHashMap<Key, Entry> current = new ConcurrentHashMap<>();
    private volatile ConcurrentHashMap<Key, Entry> previous = new ConcurrentHashMap<>();
    private volatile long rotatedAt = System.nanoTime();

    ReplayCache(Duration window) {
        this.windowNanos = window.toNanos();
    }

    /** Null when the request is new (and now marked in progress); otherwise what we know. */
    Entry claim(Key key) {
        rotateIfDue();
        Entry seen = current.get(key);
        if (seen == null) {
            seen = previous.get(key);
        }
        return seen != null ? seen : current.putIfAbsent(key, IN_PROGRESS);
    }

    void answered(Key key, byte[] reply) {
        current.put(key, new Answered(reply));
    }

    /** The request was dropped after all (e.g. queue full): a retransmission may try again. */
    void forget(Key key) {
        current.remove(key, IN_PROGRESS);
    }

    int size() {
        return current.size() + previous.size();
    }

    private void rotateIfDue() {
        long now = System.nanoTime();
        if (now - rotatedAt < windowNanos) {
            return;
        }
        synchronized (this) {
            if (now - rotatedAt < windowNanos) {
                return;
            }
            // an answer racing this rotation may land in the retired map and be forgotten; the
            // NAS's next retransmission is then simply processed again, which every handler allows
            previous = current;
            current = new ConcurrentHashMap<>();
            rotatedAt = now;
        }
    }
}
