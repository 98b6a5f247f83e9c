package com.traidnet.wificore.seed;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The payment ledger as settlement leaves it: hotspot packages paid by M-Pesa STK push (some cancelled on the
 * phone, some without funds), PPPoE bills through the paybill (C2B), some cash at the counter, and a few pushes
 * from the last minutes still pending. Each payment has its ledger events, as {@code Settlement} writes them.
 */
final class PaymentRows {

    private static final String COLUMNS = """
            id, method, purpose, reference, phone, mac, amount, currency, status, checkout_request_id,
            merchant_request_id, receipt, paid_amount, result_code, result_desc, created_at, updated_at, settled_at""";
    private static final String[][] FAILURES = {
            {"1032", "Request cancelled by user"},
            {"1", "The balance is insufficient for the transaction."},
            {"1037", "DS timeout user cannot be reached"},
            {"2001", "The initiator information is invalid."}};
    private static final DateTimeFormatter CHECKOUT_TIME = DateTimeFormatter.ofPattern("ddMMyyyyHHmmss")
            .withZone(ZoneOffset.ofHours(3));

    record Counts(long payments, long settled, long failed, long pending, BigDecimal revenue) {
    }

    private record Event(UUID payment, Instant at, String kind, String status, String source, String detail) {
    }

    private PaymentRows() {
    }

    static Counts copy(DataSource db, List<Population.Person> people, List<Catalogue.Plan> plans, int count,
                       int days, Instant now, SplittableRandom random) {
        List<Integer> hotspotPlans = Population.indexes(plans, "hotspot");
        var events = new java.util.ArrayList<Event>(count * 3);
        long settled = 0;
        long failed = 0;
        long pending = 0;
        BigDecimal revenue = BigDecimal.ZERO;
        var billed = new java.util.BitSet(people.size());
        try (var rows = new CopyRows(db, "payments", COLUMNS)) {
            for (int i = 0; i < count; i++) {
                Population.Person p = people.get(SessionRows.heavyUser(people.size(), random));
                for (int retry = 0; !p.hotspot() && billed.get(p.n()) && retry < 20; retry++) {
                    p = people.get(SessionRows.heavyUser(people.size(), random)); // a PPPoE bill comes once a month
                }
                billed.set(p.n());
                UUID id = UUID.randomUUID();
                Instant at = SessionRows.startTime(p.createdAt(), days, now, random);
                Catalogue.Plan plan = plans.get(p.hotspot() ? Population.pick(plans, hotspotPlans, random) : p.plan());
                int roll = random.nextInt(100);
                String method = p.hotspot() ? (roll < 92 ? "mpesa_stk" : "cash")
                        : roll < 70 ? "mpesa_c2b" : roll < 90 ? "mpesa_stk" : "cash";
                boolean stk = method.equals("mpesa_stk");
                String status = !stk ? "settled" : at.isAfter(now.minusSeconds(90)) ? "pending"
                        : random.nextInt(100) < 11 ? "failed" : "settled";
                String[] failure = FAILURES[random.nextInt(FAILURES.length)];
                Instant done = at.plusSeconds(stk ? random.nextInt(6, 45) : 0);
                String receipt = status.equals("settled") ? switch (method) {
                    case "cash" -> "CASH-" + id.toString().replace("-", "").substring(0, 12).toUpperCase();
                    default -> Kenya.receipt("TG", i);
                } : null;
                BigDecimal amount = BigDecimal.valueOf(plan.price());
                rows.add(id).add(method).add(p.hotspot() ? "HOTSPOT_PACKAGE" : "PPPOE_BILL")
                        .add(p.hotspot() ? plan.id().toString() : p.account()).add(p.phone())
                        .add(p.hotspot() && stk ? SessionRows.deviceMac(p) : null).add(amount).add("KES").add(status)
                        .add(stk ? "ws_CO_" + CHECKOUT_TIME.format(at) + "%09d".formatted(i) : null)
                        .add(stk ? Kenya.hex(random, 4) + "-" + Kenya.hex(random, 4) + "-" + i : null)
                        .add(receipt).add(status.equals("settled") ? amount : null)
                        .add(switch (status) {
                            case "settled" -> stk ? "0" : null;
                            case "failed" -> failure[0];
                            default -> null;
                        })
                        .add(switch (status) {
                            case "settled" -> stk ? "The service request is processed successfully." : null;
                            case "failed" -> failure[1];
                            default -> null;
                        })
                        .add(at).add(status.equals("pending") ? at : done)
                        .add(status.equals("settled") ? done : null).end();
                String source = switch (method) {
                    case "cash" -> "cash";
                    case "mpesa_c2b" -> "c2b";
                    default -> "api";
                };
                events.add(new Event(id, at, method.equals("mpesa_c2b") ? "received" : "created", "pending", source,
                        stk ? "STK push requested" : method.equals("cash") ? "cash recorded by staff" : "C2B " + receipt
                                + " for account " + p.account()));
                switch (status) {
                    case "settled" -> {
                        settled++;
                        revenue = revenue.add(amount);
                        events.add(new Event(id, done, "settled", "settled", stk ? "callback" : source,
                                "paid " + amount + " KES, receipt " + receipt));
                        events.add(new Event(id, done, "provisioned", "settled", "fulfilment",
                                "provisioned " + p.username()));
                    }
                    case "failed" -> {
                        failed++;
                        events.add(new Event(id, done, "failed", "failed", "callback",
                                failure[0] + " " + failure[1]));
                    }
                    default -> pending++;
                }
            }
        }
        try (var rows = new CopyRows(db, "payment_events", "payment_id, at, kind, status, source, detail")) {
            for (Event e : events) {
                rows.add(e.payment()).add(e.at()).add(e.kind()).add(e.status()).add(e.source()).add(e.detail()).end();
            }
        }
        return new Counts(count, settled, failed, pending, revenue);
    }
}
