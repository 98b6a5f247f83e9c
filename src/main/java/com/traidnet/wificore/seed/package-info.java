/**
 * Seed data: {@code java -jar wificore.jar seed demo|scale} fills one tenant with realistic data from every
 * module — packages, hotspot and PPPoE subscribers with their RADIUS rows, voucher batches, NAS, weeks of
 * accounting sessions and authentication decisions in their day partitions, settled and failed payments — so a
 * newcomer sees a living system and the web-app budgets (bench/web) can be measured at 1 million
 * {@code radacct} rows. The tenant is opened through onboarding (schema, migrations, first admin, partitions,
 * exactly like a signup); volume data goes in with PostgreSQL {@code COPY}. Other modules add their own data
 * through {@link com.traidnet.wificore.seed.SeedContributor} beans (docs/seed.md).
 */
package com.traidnet.wificore.seed;
