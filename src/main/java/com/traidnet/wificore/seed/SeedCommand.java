package com.traidnet.wificore.seed;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.platform.CliCommand;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code seed demo|scale [--tenant SLUG] [--subscribers N] [--sessions N] [--days D] …}. Exit codes: 0 seeded,
 * 1 failed (the output says where; the half-seeded tenant stays and can be removed), 2 usage error,
 * 4 the tenant already exists (nothing changed: seeding never touches an existing tenant).
 */
@Component
class SeedCommand implements CliCommand {

    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int EXISTS = 4;

    private final Seeder seeder;

    SeedCommand(Seeder seeder) {
        this.seeder = seeder;
    }

    @Override
    public String name() {
        return "seed";
    }

    @Override
    public String usage() {
        return """
                seed demo [--tenant demo] [--subscribers 3000] [--sessions N] [--days 28] [--password PW]
                                                  a new demo tenant full of realistic data, with a staff login
                seed scale [--tenant scale] [--subscribers 100000] [--sessions 1000000] [--days 30]
                                                  the web-app budget tenant (bench/web); see docs/seed.md""";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        SeedOptions options;
        try {
            options = SeedOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("seed: " + e.getMessage());
            err.println(usage());
            return USAGE;
        }
        try {
            seeder.seed(options, out);
            return 0;
        } catch (Seeder.TenantExists e) {
            err.println("seed: " + e.getMessage());
            return EXISTS;
        } catch (ApiProblem e) { // a bad slug, e-mail or password, as a signup would be told
            err.println("seed: " + e.getMessage());
            return USAGE;
        } catch (RuntimeException e) {
            err.println("seed: failed: " + e);
            return FAILED;
        }
    }
}
