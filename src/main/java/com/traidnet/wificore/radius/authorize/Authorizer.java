package com.traidnet.wificore.radius.authorize;

import com.traidnet.wificore.radius.auth.PasswordCheck;
import com.traidnet.wificore.radius.packet.Attribute;
import com.traidnet.wificore.radius.packet.Dictionary;
import com.traidnet.wificore.radius.packet.RadiusPacket;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * rlm_sql's authorize step, pure: the user's check items are compared with the request
 * (all comparisons must hold, or the request is refused), assignment items go to the
 * control list, the user's reply items to the reply; then each group in priority order
 * whose own check items hold adds its control and reply items. Operators mean what they
 * mean in FreeRADIUS: {@code :=} replaces, {@code =} sets only if absent, {@code +=} adds;
 * {@code == != > >= < <= =~ !~ =* !*} compare. A request attribute that is absent fails
 * every comparison except {@code !*}.
 */
final class Authorizer {

    private static final Map<String, Pattern> REGEXES = new ConcurrentHashMap<>();

    private final Dictionary dictionary = Dictionary.standard();

    Authorization authorize(UserProfile user, List<GroupProfile> groups, RadiusPacket request) {
        if (!user.known()) {
            return new Authorization.Refused(Reason.UNKNOWN_USER, "no radcheck or radusergroup rows");
        }
        List<AvPair> control = new ArrayList<>();
        List<AvPair> reply = new ArrayList<>();
        AvPair failed = firstFailing(user.check(), request);
        if (failed != null) {
            Reason reason = failed.named(Limits.CALLING_STATION_ID) ? Reason.MAC_MISMATCH : Reason.CHECK_FAILED;
            return new Authorization.Refused(reason, failed.attribute() + " " + failed.op() + " " + failed.value());
        }
        assign(control, user.check());
        merge(reply, user.reply());
        for (GroupProfile group : groups) {
            if (firstFailing(group.check(), request) == null) {
                assign(control, group.check());
                merge(reply, group.reply());
            }
        }
        return new Authorization.Granted(List.copyOf(control), List.copyOf(reply));
    }

    /** Check-only attributes are always control items, whatever operator the row uses. */
    static boolean isControl(String attribute) {
        return ControlAttributes.isControl(attribute) || PasswordCheck.supports(attribute);
    }

    private AvPair firstFailing(List<AvPair> check, RadiusPacket request) {
        for (AvPair item : check) {
            if (item.comparison() && !isControl(item.attribute()) && !holds(item, request)) {
                return item;
            }
        }
        return null;
    }

    private static void assign(List<AvPair> control, List<AvPair> check) {
        List<AvPair> items = new ArrayList<>();
        for (AvPair item : check) {
            if (isControl(item.attribute())) {
                // "Cleartext-Password == x" is a common mistake; it can only mean "the password is x"
                items.add(item.comparison() ? new AvPair(item.attribute(), ":=", item.value()) : item);
            } else if (!item.comparison()) {
                items.add(item);
            }
        }
        merge(control, items);
    }

    static void merge(List<AvPair> into, List<AvPair> items) {
        for (AvPair item : items) {
            switch (item.op()) {
                case ":=" -> {
                    into.removeIf(p -> p.named(item.attribute()));
                    into.add(item);
                }
                case "+=" -> into.add(item);
                case "=" -> {
                    if (into.stream().noneMatch(p -> p.named(item.attribute()))) {
                        into.add(item);
                    }
                }
                default -> { // comparison operators in a reply list mean nothing; FreeRADIUS ignores them too
                }
            }
        }
    }

    private boolean holds(AvPair item, RadiusPacket request) {
        List<Attribute> present = request.all(item.attribute());
        if (item.op().equals("!*")) {
            return present.isEmpty();
        }
        if (present.isEmpty()) {
            return false;
        }
        if (item.op().equals("=*")) {
            return true;
        }
        boolean mac = item.named(Limits.CALLING_STATION_ID);
        String expected = mac ? normaliseMac(item.value()) : item.value();
        if (item.op().equals("!=")) {
            return present.stream().noneMatch(a -> compare(text(a, mac), expected, "=="));
        }
        return compare(text(present.getFirst(), mac), expected, item.op());
    }

    private String text(Attribute attribute, boolean mac) {
        String text = dictionary.format(attribute);
        return mac ? normaliseMac(text) : text;
    }

    private static boolean compare(String actual, String expected, String op) {
        return switch (op) {
            case "==" -> actual.equals(expected) || numbersEqual(actual, expected);
            case ">", ">=", "<", "<=" -> {
                Long a = number(actual);
                Long e = number(expected);
                if (a == null || e == null) {
                    yield false;
                }
                int c = Long.compare(a, e);
                yield switch (op) {
                    case ">" -> c > 0;
                    case ">=" -> c >= 0;
                    case "<" -> c < 0;
                    default -> c <= 0;
                };
            }
            case "=~" -> regex(expected) != null && regex(expected).matcher(actual).find();
            case "!~" -> regex(expected) != null && !regex(expected).matcher(actual).find();
            default -> false;
        };
    }

    private static boolean numbersEqual(String a, String b) {
        Long x = number(a);
        return x != null && x.equals(number(b));
    }

    private static Long number(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Pattern regex(String expression) {
        if (REGEXES.size() > 10_000) {
            REGEXES.clear();
        }
        return REGEXES.computeIfAbsent(expression, e -> {
            try {
                return Pattern.compile(e);
            } catch (PatternSyntaxException bad) {
                return null;
            }
        });
    }

    /** "AA-BB-CC-DD-EE-FF", "aa:bb:cc:dd:ee:ff" and "aabb.ccdd.eeff" all name the same device. */
    static String normaliseMac(String text) {
        String hex = text.replaceAll("[^0-9A-Fa-f]", "");
        return hex.length() == 12 ? hex.toLowerCase(Locale.ROOT) : text.trim();
    }
}
