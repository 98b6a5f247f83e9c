package com.traidnet.wificore.water;

import com.traidnet.wificore.seed.SeedContributor;
import com.traidnet.wificore.seed.SeedScope;
import com.traidnet.wificore.tenant.TenantGateway;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Water demo data for {@code seed demo}: three kiosks registered the way staff register them
 * (sealed keys, device routes), customers on some of the seeded phones with a cash top-up each,
 * and weeks of dispenses in their day partitions, every one debited, so each balance is still the
 * sum of its statement. Volume goes in with set-based SQL; the device API is not involved.
 */
@Component
class WaterSeed implements SeedContributor {

    private static final BigDecimal PRICE_PER_LITRE = new BigDecimal("1.5000");
    private static final BigDecimal SPARE = new BigDecimal("200.00");

    private final TenantGateway gateway;
    private final Dispensers dispensers;

    WaterSeed(TenantGateway gateway, Dispensers dispensers) {
        this.gateway = gateway;
        this.dispensers = dispensers;
    }

    @Override
    public String name() {
        return "water";
    }

    @Override
    public String seed(SeedScope seed) {
        var actor = Actor.system("seed");
        List<UUID> kiosks = new ArrayList<>();
        String[][] sites = {{"Kiosk Kibera", "Kibera, Olympic"}, {"Water ATM Mathare", "Mathare 4A"},
                {"Kiosk Kawangware", "Kawangware stage 56"}};
        for (String[] site : sites) {
            kiosks.add(dispensers.register(seed.tenant(), actor, new DispenserRequest(site[0], site[1],
                    new BigDecimal("5000"), new BigDecimal("500"), PRICE_PER_LITRE, null, 450)).dispenser().id());
        }
        List<String> phones = seed.phones().stream().limit(Math.max(10, Math.min(300, seed.subscribers() / 10))).toList();
        int days = Math.max(1, Math.min(seed.days(), 28));
        return gateway.inTenant(seed.tenant(), sql -> {
            var now = Timestamp.from(seed.now());
            var from = Timestamp.from(seed.now().truncatedTo(ChronoUnit.DAYS).minus(days - 1, ChronoUnit.DAYS));
            int customers = sql.sql("""
                            insert into water_customers (name, card_id, phone, created_at, updated_at)
                            select 'Customer ' || n, 'CARD' || lpad(n::text, 6, '0'), p, ?, ?
                            from unnest(?::text[]) with ordinality as t(p, n)
                            on conflict do nothing""")
                    .params(from, from, phones.toArray(String[]::new)).update();
            // each kiosk: 40 dispenses a day between 06:00 and 20:00, 5–20 litres, to customers in turn;
            // every one honoured: the cash top-ups below cover them with KES 200 to spare
            int dispensed = sql.sql("""
                            with customers as (
                                select id, row_number() over (order by created_at, id) - 1 as k, count(*) over () as total
                                from water_customers),
                            kiosks as (select id, row_number() over (order by id) as d from unnest(?::uuid[]) as u(id)),
                            plan as (
                                select k.id as dispenser_id, k.d, day, n,
                                       cast(? as timestamptz) + (day || ' days')::interval + interval '6 hours'
                                           + (n * interval '21 minutes') as at,
                                       5 + ((day * 7 + n * 3 + k.d) % 16) as litres,
                                       (day * 120 + n * 3 + k.d) as pick,
                                       row_number() over (partition by k.id order by day, n) as seq
                                from kiosks k, generate_series(0, cast(? as int) - 1) as day, generate_series(0, 39) as n),
                            rows as (
                                select p.*, c.id as customer_id
                                from plan p join customers c on c.k = p.pick % c.total
                                where p.at <= cast(? as timestamptz)),
                            seqs as (
                                insert into water_dispense_seqs (dispenser_id, block, bits, fresh, last_at)
                                select dispenser_id, seq >> 6, bit_or(1::bigint << (seq & 63)::int), 0, max(at)
                                from rows group by 1, 2)
                            insert into water_transactions (dispensed_at, ended_at, recorded_at, dispenser_id, device_seq,
                                                            customer_id, litres, amount, debit)
                            select at, at + (litres * interval '6 seconds'), at, dispenser_id, seq, customer_id, litres,
                                   round(litres * ?, 2), round(litres * ?, 2)
                            from rows""")
                    .params(kiosks.toArray(UUID[]::new), from, days, now, PRICE_PER_LITRE, PRICE_PER_LITRE).update();
            sql.sql("""
                            insert into water_credits (customer_id, at, kind, value, amount, reference, recorded_by)
                            select c.id, c.created_at, 'cash', x.v, x.v, 'seed top-up', 'seed'
                            from water_customers c cross join lateral (
                                select ? + ceil(coalesce(sum(t.debit), 0) / 100) * 100 as v
                                from water_transactions t where t.customer_id = c.id) x""")
                    .param(SPARE).update();
            sql.sql("""
                            update water_customers c set
                                balance = coalesce((select sum(value) from water_credits where customer_id = c.id), 0)
                                          - coalesce((select sum(debit) from water_transactions where customer_id = c.id), 0),
                                last_dispense_at = (select max(dispensed_at) from water_transactions where customer_id = c.id)""")
                    .update();
            sql.sql("""
                            update dispensers d set last_seen_at = ?, tank_level_litres = 2600 + 700 * (
                                select count(*) from dispensers o where o.id < d.id)""")
                    .param(now).update();
            return kiosks.size() + " dispensers, " + customers + " customers, " + dispensed + " dispenses";
        });
    }
}
