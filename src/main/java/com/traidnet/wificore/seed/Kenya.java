package com.traidnet.wificore.seed;

import java.util.List;
import java.util.SplittableRandom;

/**
 * What makes the data look like a Kenyan hotspot or ISP: Safaricom/Airtel numbers, names, estates, MikroTik
 * MACs, and when people buy and browse (quiet at night, busy in the evening).
 */
final class Kenya {

    private static final List<String> FIRST = List.of("wanjiru", "kamau", "otieno", "achieng", "mwangi", "njeri",
            "kiprono", "chebet", "omondi", "akinyi", "mutua", "mwikali", "kibet", "wambui", "odhiambo", "atieno",
            "njoroge", "wairimu", "ochieng", "nyambura", "kimani", "muthoni", "korir", "jepkosgei", "barasa",
            "nafula", "wekesa", "makena", "gitau", "moraa");
    private static final List<String> LAST = List.of("kamau", "otieno", "mwangi", "ochieng", "kariuki", "njoroge",
            "wafula", "kiptoo", "mutiso", "onyango", "maina", "kiplagat", "wanyama", "ndungu", "chege", "owino");
    /** Safaricom 070x–072x, 074x, 0757–0759, 0768–0769, 079x, 0110–0115; Airtel 073x, 078x, 0100–0102. */
    private static final int[] PREFIXES = {70, 71, 72, 74, 79, 75, 76, 73, 78, 11, 10};

    /**
     * Hour-of-day weights (Africa/Nairobi) for purchases and session starts: a morning commute bump, lunch,
     * and the evening peak when people are home.
     */
    private static final int[] HOURS = {2, 1, 1, 1, 1, 2, 4, 7, 8, 7, 6, 6, 7, 7, 6, 6, 7, 8, 10, 12, 13, 12, 9, 5};
    private static final int HOUR_TOTAL = java.util.Arrays.stream(HOURS).sum();

    private Kenya() {
    }

    /** A mobile number as the platform stores it: {@code 2547XXXXXXXX} or {@code 2541XXXXXXXX}; unique per n. */
    static String phone(int n) {
        int prefix = PREFIXES[n % PREFIXES.length];
        // n spreads over the 7 digits left so numbers do not look sequential
        long rest = (n / PREFIXES.length * 7_919L + 1_234_567L) % 10_000_000L;
        return "254" + (prefix < 20 ? "1" + (prefix % 10) : String.valueOf(prefix)) + "%07d".formatted(rest);
    }

    static String first(SplittableRandom random) {
        return FIRST.get(random.nextInt(FIRST.size()));
    }

    static String last(SplittableRandom random) {
        return LAST.get(random.nextInt(LAST.size()));
    }

    /** A phone-like MAC, hyphenated upper case as MikroTik sends Calling-Station-Id. */
    static String mac(SplittableRandom random) {
        var s = new StringBuilder(17);
        for (int i = 0; i < 6; i++) {
            int b = random.nextInt(256);
            if (i == 0) {
                b = (b & 0xfc) | 0x02; // locally administered: today's phones randomise their Wi-Fi MAC
            }
            if (i > 0) {
                s.append('-');
            }
            s.append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b & 15, 16)));
        }
        return s.toString();
    }

    /** Seconds into a Nairobi day, following {@link #HOURS}. */
    static int secondOfDay(SplittableRandom random) {
        int pick = random.nextInt(HOUR_TOTAL);
        int hour = 0;
        while (pick >= HOURS[hour]) {
            pick -= HOURS[hour++];
        }
        return hour * 3600 + random.nextInt(3600);
    }

    static String hex(SplittableRandom random, int digits) {
        var s = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            s.append(Character.forDigit(random.nextInt(16), 16));
        }
        return s.toString();
    }

    /** M-Pesa receipt style: a three-letter lead and seven letters/digits, unique per n below 9 million. */
    static String receipt(String lead, long n) {
        String body = Long.toString(n * 7_919L % 78_364_164_096L, 36).toUpperCase(java.util.Locale.ROOT);
        return lead + "0".repeat(7 - body.length()) + body;
    }
}
