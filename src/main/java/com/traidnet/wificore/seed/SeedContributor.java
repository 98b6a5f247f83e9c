package com.traidnet.wificore.seed;

/**
 * Lets a module add its own demo data to a seeded tenant without the seed module knowing its tables (the water
 * module, for one, is built separately). Contributors run after the built-in data, each in the order of
 * {@link #name()}; one that fails is reported and the others still run.
 */
public interface SeedContributor {

    /** A short word for the output, e.g. {@code water}. */
    String name();

    /**
     * Adds data to {@code seed.tenant()}, sized by {@code seed.subscribers()} and {@code seed.days()}, and
     * answers a one-line summary for the output (e.g. {@code "3 dispensers, 400 customers, 9000 dispenses"}),
     * or null when the tenant's schema lacks the contributor's tables (nothing to seed).
     */
    String seed(SeedScope seed);
}
