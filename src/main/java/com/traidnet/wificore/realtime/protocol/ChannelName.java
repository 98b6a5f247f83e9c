package com.traidnet.wificore.realtime.protocol;

import java.util.Optional;

/**
 * A valid channel name with its kind. Pusher channel names use letters, digits and
 * {@code _ - = @ , . ;}; the reserved {@code #server-to-user-} prefix is the only place a
 * {@code #} may appear, and only the server subscribes a connection to it.
 *
 * @param cache whether it is a cache channel ({@code cache-}, {@code private-cache-}, ...):
 *              the last event is kept and replayed to new subscribers
 */
public record ChannelName(String name, ChannelKind kind, boolean cache) {

    public static final String SERVER_TO_USER = "#server-to-user-";

    /** Parses {@code name}, or returns empty when it is not a valid channel name of at most {@code maxLength}. */
    public static Optional<ChannelName> parse(String name, int maxLength) {
        if (name == null || name.isEmpty() || name.length() > maxLength) {
            return Optional.empty();
        }
        if (name.startsWith(SERVER_TO_USER)) {
            return validChars(name, SERVER_TO_USER.length())
                    ? Optional.of(new ChannelName(name, ChannelKind.SERVER_TO_USER, false)) : Optional.empty();
        }
        if (!validChars(name, 0)) {
            return Optional.empty();
        }
        return Optional.of(classify(name));
    }

    private static ChannelName classify(String name) {
        if (name.startsWith("private-encrypted-")) {
            return new ChannelName(name, ChannelKind.ENCRYPTED, name.startsWith("private-encrypted-cache-"));
        }
        if (name.startsWith("private-")) {
            return new ChannelName(name, ChannelKind.PRIVATE, name.startsWith("private-cache-"));
        }
        if (name.startsWith("presence-")) {
            return new ChannelName(name, ChannelKind.PRESENCE, name.startsWith("presence-cache-"));
        }
        return new ChannelName(name, ChannelKind.PUBLIC, name.startsWith("cache-"));
    }

    private static boolean validChars(String name, int from) {
        if (from >= name.length()) {
            return false;
        }
        for (int i = from; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-' || c == '=' || c == '@' || c == ',' || c == '.' || c == ';';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
