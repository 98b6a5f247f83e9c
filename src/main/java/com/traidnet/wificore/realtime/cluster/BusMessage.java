package com.traidnet.wificore.realtime.cluster;

/**
 * What nodes tell each other on the Redis pub/sub channel. Text, one letter for the kind,
 * then length-prefixed fields ({@code 5:node1}, {@code -} for null) and, for a broadcast, the
 * frame as the unprefixed rest: no escaping, so any channel name, socket id or JSON frame
 * passes unchanged and the frame is never copied through an encoder.
 * <pre>
 * B origin app channel exceptSocketId frame     a broadcast
 * T origin app userId                           terminate a user's connections
 * </pre>
 */
sealed interface BusMessage {

    String origin();

    record Deliver(String origin, Broadcast broadcast) implements BusMessage {
    }

    record Terminate(String origin, String appId, String userId) implements BusMessage {
    }

    static String encode(BusMessage message) {
        StringBuilder out = new StringBuilder();
        switch (message) {
            case Deliver d -> {
                Broadcast b = d.broadcast();
                out.append('B');
                field(out, d.origin());
                field(out, b.appId());
                field(out, b.channel());
                field(out, b.exceptSocketId());
                out.append(b.frame());
            }
            case Terminate t -> {
                out.append('T');
                field(out, t.origin());
                field(out, t.appId());
                field(out, t.userId());
            }
        }
        return out.toString();
    }

    /** @throws IllegalArgumentException for text that is not a message of this format */
    static BusMessage decode(String text) {
        Reader in = new Reader(text);
        char kind = in.kind();
        return switch (kind) {
            case 'B' -> {
                String origin = in.field();
                String app = in.field();
                String channel = in.field();
                String except = in.field();
                yield new Deliver(origin, new Broadcast(app, channel, in.rest(), except));
            }
            case 'T' -> new Terminate(in.field(), in.field(), in.field());
            default -> throw new IllegalArgumentException("unknown message kind '" + kind + "'");
        };
    }

    private static void field(StringBuilder out, String value) {
        if (value == null) {
            out.append('-');
        } else {
            out.append(value.length()).append(':').append(value);
        }
    }

    final class Reader {
        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        char kind() {
            if (text.isEmpty()) {
                throw new IllegalArgumentException("empty message");
            }
            return text.charAt(at++);
        }

        String field() {
            if (at < text.length() && text.charAt(at) == '-') {
                at++;
                return null;
            }
            int colon = text.indexOf(':', at);
            if (colon <= at || colon - at > 9) {
                throw new IllegalArgumentException("bad field length at " + at);
            }
            int length = Integer.parseInt(text, at, colon, 10);
            int end = colon + 1 + length;
            if (length < 0 || end > text.length()) {
                throw new IllegalArgumentException("field at " + at + " runs past the end");
            }
            at = end;
            return text.substring(colon + 1, end);
        }

        String rest() {
            return text.substring(at);
        }
    }
}
