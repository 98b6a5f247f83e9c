package com.traidnet.wificore.radius.authorize;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The check-only ("control") attributes the server understands in {@code radcheck} and
 * {@code radgroupcheck}: they steer authorization and never go on the wire, so the wire
 * dictionary does not know them. Names match case-insensitively, as in FreeRADIUS.
 * Also the FreeRADIUS operator strings allowed in the {@code op} column.
 */
public final class ControlAttributes {

    public static final String CLEARTEXT_PASSWORD = "Cleartext-Password";
    /** MD4 of the UTF-16LE password, 32 hex digits. */
    public static final String NT_PASSWORD = "NT-Password";
    /** SHA-256 of the password, 64 hex digits. */
    public static final String SHA2_256_PASSWORD = "SHA2-256-Password";
    /** SHA-256(password + salt) followed by the salt, as hex or base64. */
    public static final String SSHA2_256_PASSWORD = "SSHA2-256-Password";
    /** Accept, Reject, PAP, CHAP or MS-CHAP. */
    public static final String AUTH_TYPE = "Auth-Type";
    /** After this instant the account is rejected; see {@link #expiration(String)} for the forms. */
    public static final String EXPIRATION = "Expiration";
    /** How many sessions may be open at once. */
    public static final String SIMULTANEOUS_USE = "Simultaneous-Use";
    /** Time cap: seconds of session time over all accounting. */
    public static final String MAX_ALL_SESSION = "Max-All-Session";
    /** Data cap: input plus output octets over all accounting (64-bit). */
    public static final String MAX_TOTAL_OCTETS = "Max-Total-Octets";

    /** FreeRADIUS operators (rlm_sql "op" column); anything else is refused. */
    public static final Set<String> OPERATORS = Set.of("=", ":=", "==", "+=", "!=", ">", ">=", "<", "<=", "=~", "!~");
    public static final Set<String> AUTH_TYPES = Set.of("Accept", "Reject", "PAP", "CHAP", "MS-CHAP");

    private static final List<String> PASSWORDS =
            List.of(CLEARTEXT_PASSWORD, NT_PASSWORD, SHA2_256_PASSWORD, SSHA2_256_PASSWORD);
    private static final Map<String, String> CANONICAL = Stream.concat(PASSWORDS.stream(),
                    Stream.of(AUTH_TYPE, EXPIRATION, SIMULTANEOUS_USE, MAX_ALL_SESSION, MAX_TOTAL_OCTETS))
            .collect(Collectors.toUnmodifiableMap(ControlAttributes::key, Function.identity()));
    /** FreeRADIUS's own date form, e.g. "Jan 31 2030 23:59:59" or "Jan 31 2030". */
    /** FreeRADIUS writes "Jan 31 2030 23:59:59" and reads "January 31 2030" and "31 Jan 2030" too. */
    private static final List<DateTimeFormatter> FREERADIUS_DATES = List.of(
            freeRadiusFormat("MMM d uuuu[ HH:mm[:ss]]"), freeRadiusFormat("MMMM d uuuu[ HH:mm[:ss]]"),
            freeRadiusFormat("d MMM uuuu[ HH:mm[:ss]]"), freeRadiusFormat("d MMMM uuuu[ HH:mm[:ss]]"));

    private ControlAttributes() {
    }

    public static boolean isControl(String name) {
        return name != null && CANONICAL.containsKey(key(name));
    }

    /** True for the four known-good password attributes. */
    public static boolean isPassword(String name) {
        return canonicalName(name).filter(PASSWORDS::contains).isPresent();
    }

    public static boolean isOperator(String op) {
        return op != null && OPERATORS.contains(op);
    }

    /** The name as spelled here ("simultaneous-use" → "Simultaneous-Use"), if it is a control attribute. */
    public static Optional<String> canonicalName(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(CANONICAL.get(key(name)));
    }

    public static List<String> passwordTypes() {
        return PASSWORDS;
    }

    /**
     * An {@code Expiration} value as an instant: epoch seconds, ISO-8601 ({@code 2030-01-31T23:59:59Z},
     * or without zone / date only, read as UTC), or FreeRADIUS's {@code Jan 31 2030 23:59:59} (UTC;
     * a date alone means its first second, as in FreeRADIUS).
     *
     * @throws IllegalArgumentException when the text is none of these
     */
    public static Instant expiration(String text) {
        String t = text.trim();
        if (!t.isEmpty() && t.chars().allMatch(Character::isDigit) && t.length() <= 12) {
            return Instant.ofEpochSecond(Long.parseLong(t));
        }
        for (Function<String, Instant> form : List.<Function<String, Instant>>of(Instant::parse,
                s -> LocalDateTime.parse(s).toInstant(ZoneOffset.UTC),
                s -> OffsetDateTime.parse(s).toInstant(),
                s -> LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC),
                ControlAttributes::freeRadiusDate)) {
            try {
                return form.apply(t);
            } catch (DateTimeParseException notThisForm) {
                // try the next form
            }
        }
        throw new IllegalArgumentException("not a date: use epoch seconds, ISO-8601 or \"Jan 31 2030 23:59:59\"");
    }

    private static Instant freeRadiusDate(String text) {
        String spaced = text.replace(",", " ").replaceAll("\\s+", " ").trim();
        DateTimeParseException last = null;
        for (DateTimeFormatter format : FREERADIUS_DATES) {
            try {
                var parsed = format.parseBest(spaced, LocalDateTime::from, LocalDate::from);
                LocalDateTime at = parsed instanceof LocalDate day ? day.atStartOfDay() : (LocalDateTime) parsed;
                return at.toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                last = e;
            }
        }
        throw last;
    }

    private static DateTimeFormatter freeRadiusFormat(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT); // "Feb 30" is an error
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
