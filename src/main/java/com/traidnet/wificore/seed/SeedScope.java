package com.traidnet.wificore.seed;

import com.traidnet.wificore.tenant.TenantId;

import java.time.Instant;
import java.util.List;

/**
 * What a {@link SeedContributor} is told about the tenant being seeded.
 *
 * @param tenant      the tenant (use {@code TenantGateway.inTenant} with it)
 * @param slug        its slug
 * @param subscribers how many subscribers the seed made (a size hint)
 * @param days        how many days of history the seed made, ending {@code now}
 * @param now         the seed's clock reading; nothing seeded lies after it
 * @param phones      some of the seeded hotspot customers' phone numbers (2547XXXXXXXX), to reuse as customers
 * @param randomSeed  seed for any randomness, so one command line always gives the same data
 */
public record SeedScope(TenantId tenant, String slug, int subscribers, int days, Instant now, List<String> phones,
                        long randomSeed) {
}
