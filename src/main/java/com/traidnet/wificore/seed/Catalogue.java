package com.traidnet.wificore.seed;

import com.traidnet.wificore.platform.SecretBox;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * What a typical Kenyan operator sells and where: hotspot packages from 30 minutes to a month (KES), home and
 * business PPPoE plans, a free trial; two MikroTik hotspot routers and one PPPoE concentrator.
 */
final class Catalogue {

    record Plan(UUID id, String type, String name, int price, int durationValue, String durationUnit, int uploadKbps,
                int downloadKbps, Long dataCapBytes, int devices, boolean visible, int weight) {

        /** The {@code Mikrotik-Rate-Limit} the hotspot module derives for a package without burst. */
        String rateLimit() {
            return uploadKbps + "k/" + downloadKbps + "k";
        }

        long seconds() {
            return switch (durationUnit) {
                case "minutes" -> durationValue * 60L;
                case "hours" -> durationValue * 3600L;
                case "days" -> durationValue * 86_400L;
                default -> durationValue * 30L * 86_400L; // months: a 30-day approximation is enough for seed data
            };
        }

        boolean hotspot() {
            return type.equals("hotspot");
        }
    }

    /** @param pool the hotspot/PPPoE address pool its sessions get Framed-IP-Address from ({@code a.b}.x.y) */
    record Nas(UUID id, String name, String address, String type, String service, String pool, String description) {
    }

    /** weight: how often the plan is bought, relative to the others of its type */
    static final List<Plan> PLANS = List.of(
            new Plan(null, "hotspot", "30 Minutes", 10, 30, "minutes", 1024, 2048, null, 1, true, 14),
            new Plan(null, "hotspot", "1 Hour", 20, 1, "hours", 1024, 3072, null, 1, true, 30),
            new Plan(null, "hotspot", "3 Hours", 30, 3, "hours", 1024, 3072, null, 1, true, 18),
            new Plan(null, "hotspot", "12 Hours", 50, 12, "hours", 2048, 4096, null, 1, true, 12),
            new Plan(null, "hotspot", "24 Hours", 80, 1, "days", 2048, 5120, null, 2, true, 14),
            new Plan(null, "hotspot", "Daily 2 GB", 50, 1, "days", 2048, 5120, 2L << 30, 1, true, 6),
            new Plan(null, "hotspot", "Weekly", 300, 7, "days", 2048, 5120, null, 2, true, 4),
            new Plan(null, "hotspot", "Monthly Unlimited", 1000, 1, "months", 3072, 8192, null, 3, true, 2),
            new Plan(null, "trial", "Free 10 Minutes", 0, 10, "minutes", 512, 1024, 50L << 20, 1, true, 0),
            new Plan(null, "pppoe", "Home 5 Mbps", 1500, 1, "months", 2048, 5120, null, 4, false, 50),
            new Plan(null, "pppoe", "Home 10 Mbps", 2500, 1, "months", 4096, 10240, null, 6, false, 35),
            new Plan(null, "pppoe", "Business 20 Mbps", 4500, 1, "months", 8192, 20480, null, 10, false, 15));

    static final List<Nas> NAS = List.of(
            new Nas(null, "Kahawa West hotspot", "10.20.0.1", "mikrotik", "hotspot", "10.5",
                    "hAP ac2 at the stage, hotspot server hotspot1"),
            new Nas(null, "Githurai 45 hotspot", "10.20.1.1", "mikrotik", "hotspot", "10.6",
                    "RB951 on the market roof"),
            new Nas(null, "Ruiru PPPoE", "10.30.0.1", "mikrotik", "pppoe", "100.64",
                    "CCR1009 PPPoE concentrator, fibre to the estates"));

    private Catalogue() {
    }

    /** Inserts the plans; answers them with their ids, in {@link #PLANS} order. */
    static List<Plan> insertPlans(JdbcClient sql, Instant createdAt) {
        List<Plan> saved = new ArrayList<>();
        for (Plan p : PLANS) {
            UUID id = UUID.randomUUID();
            sql.sql("""
                            insert into packages (id, type, name, price, currency, duration_value, duration_unit,
                                                  upload_kbps, download_kbps, data_cap_bytes, devices, public,
                                                  created_at, updated_at)
                            values (?, ?, ?, ?, 'KES', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, p.type(), p.name(), BigDecimal.valueOf(p.price()), p.durationValue(),
                            p.durationUnit(), p.uploadKbps(), p.downloadKbps(), p.dataCapBytes(), p.devices(),
                            p.visible(), java.sql.Timestamp.from(createdAt), java.sql.Timestamp.from(createdAt))
                    .update();
            saved.add(new Plan(id, p.type(), p.name(), p.price(), p.durationValue(), p.durationUnit(),
                    p.uploadKbps(), p.downloadKbps(), p.dataCapBytes(), p.devices(), p.visible(), p.weight()));
        }
        return List.copyOf(saved);
    }

    /** Registers the NAS in {@code public.nas_clients} (secrets sealed like the NAS API does). */
    static List<Nas> insertNas(JdbcClient sql, TenantId tenant, SecretBox secrets, SplittableRandom random) {
        List<Nas> saved = new ArrayList<>();
        for (Nas n : NAS) {
            UUID id = UUID.randomUUID();
            sql.sql("""
                            insert into nas_clients (id, tenant_id, name, address, secret_ciphertext, type, coa_port,
                                                     require_message_authenticator, description)
                            values (?, ?, ?, ?::cidr, ?, ?, 3799, true, ?)""")
                    .params(id, tenant.value(), n.name(), n.address() + "/32",
                            secrets.seal(Kenya.hex(random, 24).getBytes(java.nio.charset.StandardCharsets.UTF_8)), n.type(), n.description())
                    .update();
            saved.add(new Nas(id, n.name(), n.address(), n.type(), n.service(), n.pool(), n.description()));
        }
        return List.copyOf(saved);
    }
}
