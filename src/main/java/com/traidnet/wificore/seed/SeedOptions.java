package com.traidnet.wificore.seed;

import java.util.List;

/**
 * {@code seed demo|scale} and its options. {@code demo} is small and fast (a newcomer's first look);
 * {@code scale} is the web-app budget tenant: 100,000 subscribers and 1,000,000 {@code radacct} rows.
 *
 * @param password the staff password; null = generate one (printed at the end)
 */
record SeedOptions(String mode, String tenant, int subscribers, int sessions, int days, int payments, int postAuth,
                   int vouchers, String email, String password, long randomSeed) {

    static final int MAX_DAYS = 85; // retention keeps 90 days; older rows would be retired at the next pass

    static SeedOptions parse(List<String> args) {
        if (args.isEmpty() || !List.of("demo", "scale").contains(args.getFirst())) {
            throw new IllegalArgumentException(args.isEmpty() ? "say demo or scale"
                    : "unknown subcommand '" + args.getFirst() + "'");
        }
        boolean scale = args.getFirst().equals("scale");
        String tenant = scale ? "scale" : "demo";
        int subscribers = scale ? 100_000 : 3_000;
        int days = scale ? 30 : 28;
        Integer sessions = null;
        Integer payments = null;
        Integer postAuth = null;
        Integer vouchers = null;
        String email = null;
        String password = null;
        long randomSeed = 8;
        for (int i = 1; i < args.size(); i++) {
            String option = args.get(i);
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args.get(++i);
            switch (option) {
                case "--tenant" -> tenant = value;
                case "--subscribers" -> subscribers = number(option, value, 10, 2_000_000);
                case "--sessions" -> sessions = number(option, value, 0, 20_000_000);
                case "--days" -> days = number(option, value, 1, MAX_DAYS);
                case "--payments" -> payments = number(option, value, 0, 5_000_000);
                case "--postauth" -> postAuth = number(option, value, 0, 20_000_000);
                case "--vouchers" -> vouchers = number(option, value, 0, 1_000_000);
                case "--email" -> email = value;
                case "--password" -> password = value;
                case "--random-seed" -> randomSeed = number(option, value, 0, Integer.MAX_VALUE);
                default -> throw new IllegalArgumentException("unknown option '" + option + "'");
            }
        }
        // sizes follow --subscribers unless given: a few sessions per subscriber and day for a small hotspot,
        // ten per subscriber in a month at scale (1,000,000 for 100,000)
        int s = sessions != null ? sessions : scale ? subscribers * 10 : subscribers * days / 2;
        return new SeedOptions(args.getFirst(), tenant, subscribers, s, days,
                payments != null ? payments : s / 8, postAuth != null ? postAuth : s / 4,
                vouchers != null ? vouchers : Math.min(20_000, Math.max(100, subscribers / 10)),
                email != null ? email : tenant + "@wificore.test", password, randomSeed);
    }

    private static int number(String option, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.replace("_", "").replace(",", ""));
            if (n < min || n > max) {
                throw new IllegalArgumentException(option + " must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, not '" + value + "'");
        }
    }
}
