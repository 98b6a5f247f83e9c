package com.traidnet.wificore.seed;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The seeded customers, generated once and kept in memory (about 200 bytes each), so their subscriber rows,
 * RADIUS rows, sessions and payments agree with each other. Most are hotspot customers known by their phone;
 * one in seven is a PPPoE home or business account. Like a real hotspot, most hotspot customers' time has run
 * out (the enforcement sweep marked them {@code expired}); a few are blocked or disabled by staff.
 */
final class Population {

    /**
     * @param plan    index into the saved plans
     * @param nas     index of the NAS the customer uses
     * @param lastBuy when the customer last paid (drives expiry and the terms snapshot)
     */
    record Person(int n, String kind, String username, String phone, String account, String mac, String status,
                  int plan, int nas, Instant createdAt, Instant lastBuy, Instant expiresAt, Instant nextDueAt,
                  String password, String staticIp) {

        boolean hotspot() {
            return kind.equals("hotspot");
        }
    }

    private Population() {
    }

    static List<Person> generate(int count, List<Catalogue.Plan> plans, List<Catalogue.Nas> nas, int days,
                                 Instant now, SplittableRandom random) {
        List<Integer> hotspotPlans = indexes(plans, "hotspot");
        List<Integer> pppoePlans = indexes(plans, "pppoe");
        List<Integer> hotspotNas = nasIndexes(nas, "hotspot");
        List<Integer> pppoeNas = nasIndexes(nas, "pppoe");
        List<Person> people = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            boolean pppoe = random.nextInt(7) == 0;
            // signed up over the last half year, more of them recently
            long ageSeconds = (long) (Math.pow(random.nextDouble(), 1.6) * 182 * 86_400L);
            Instant created = now.minusSeconds(ageSeconds).truncatedTo(ChronoUnit.SECONDS);
            String phone = Kenya.phone(n);
            String first = Kenya.first(random);
            String last = Kenya.last(random);
            int plan = pick(plans, pppoe ? pppoePlans : hotspotPlans, random);
            Catalogue.Plan p = plans.get(plan);
            // the last purchase: somewhere in the seeded days, never before signing up
            long sinceBuy = Math.min(ageSeconds, (long) (random.nextDouble() * days * 86_400L));
            Instant lastBuy = now.minusSeconds(sinceBuy).truncatedTo(ChronoUnit.SECONDS);
            int roll = random.nextInt(100);
            if (pppoe) {
                String account = "RUI-%05d".formatted(10_000 + n);
                Instant due = lastBuy.plusSeconds(p.seconds());
                int grace = 3;
                Instant expires = due.plus(grace, ChronoUnit.DAYS);
                String status = roll < 3 ? "blocked" : roll < 5 ? "disabled"
                        : expires.isAfter(now) ? "active" : "expired";
                String staticIp = random.nextInt(10) == 0 ? "41.90.%d.%d".formatted(64 + n / 250 % 64, 2 + n % 250)
                        : null;
                people.add(new Person(n, "pppoe", first + "." + last + n, phone, account, null, status, plan,
                        pppoeNas.get(n % pppoeNas.size()), created, lastBuy, expires, due,
                        Kenya.hex(random, 10), staticIp));
            } else {
                Instant expires = lastBuy.plusSeconds(p.seconds());
                String status = roll < 2 ? "blocked" : roll < 3 ? "disabled"
                        : expires.isAfter(now) ? "active" : "expired";
                String mac = random.nextInt(4) == 0 ? Kenya.mac(random) : null; // some bound to their phone
                people.add(new Person(n, "hotspot", phone, phone, null, mac, status, plan,
                        hotspotNas.get(random.nextInt(hotspotNas.size())), created, lastBuy, expires, null,
                        Kenya.hex(random, 8), null));
            }
        }
        return people;
    }

    static int pick(List<Catalogue.Plan> plans, List<Integer> among, SplittableRandom random) {
        int total = among.stream().mapToInt(i -> plans.get(i).weight()).sum();
        int roll = random.nextInt(total);
        for (int i : among) {
            roll -= plans.get(i).weight();
            if (roll < 0) {
                return i;
            }
        }
        return among.getLast();
    }

    static List<Integer> indexes(List<Catalogue.Plan> plans, String type) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            if (plans.get(i).type().equals(type)) {
                found.add(i);
            }
        }
        return found;
    }

    private static List<Integer> nasIndexes(List<Catalogue.Nas> nas, String service) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < nas.size(); i++) {
            if (nas.get(i).service().equals(service)) {
                found.add(i);
            }
        }
        return found;
    }
}
