package com.traidnet.wificore.water;

import com.traidnet.wificore.jobs.JobOptions;
import com.traidnet.wificore.jobs.Jobs;
import com.traidnet.wificore.tenant.TenantGateway;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Books a batch of dispenses in one tenant transaction, set-wise (ADR 0010):
 * <ol>
 *   <li>the request's nonce is consumed (replay protection commits with the booking);</li>
 *   <li>the batch's sequences are set in the dispenser's bitmap blocks ({@link SeqBlocks}, ADR 0011):
 *       only sequences never booked come back — a concurrent upload of the same sequence waits on
 *       the block's row and then finds its bit set, so it is booked and debited once;</li>
 *   <li>each fresh dispense is honoured or flagged in device order (the balance never goes below minus
 *       the credit limit) on an unlocked read of its customer, and one multi-row insert puts them into
 *       {@code water_transactions} (its partition is the day the water flowed);</li>
 *   <li>the customers are locked ({@code FOR UPDATE}, in id order, so concurrent batches cannot deadlock
 *       on them) and every dispense decided again: a difference redoes the batch, locking first;</li>
 *   <li>one update of the debited balances.</li>
 * </ol>
 * Rows for a day that has no partition yet land in the default partition; a
 * {@link LatePartitions.Place} job then gives them their own day's partition.
 */
@Service
class DispenseLedger {

    /** What happened to a batch; every dispense in it is durable (booked now, booked before, or flagged). */
    record Booked(int received, int recorded, int duplicates, int flagged, BigDecimal litres, BigDecimal debited,
                  List<Map<String, Object>> flaggedItems) {
    }

    private final TenantGateway gateway;
    private final DeviceGuard guard;
    private final WaterAlerts alerts;
    private final ObjectProvider<Jobs> jobs;
    private final MeterRegistry metrics;
    private final Clock clock;

    DispenseLedger(TenantGateway gateway, DeviceGuard guard, WaterAlerts alerts, ObjectProvider<Jobs> jobs,
                   MeterRegistry metrics, Clock clock) {
        this.gateway = gateway;
        this.guard = guard;
        this.alerts = alerts;
        this.jobs = jobs;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Attempts of a batch that lost a deadlock or raced a partition attach; the pauses grow (0.1 s, 0.2 s, …). */
    static final int ATTEMPTS = 8;

    Booked book(DeviceGuard.Signed device, List<DispenseBatch.Item> received) {
        List<DispenseBatch.Item> unique = firstOfEachSeq(received);
        boolean lockFirst = false;
        for (int attempt = 1; ; attempt++) {
            try {
                boolean locked = lockFirst;
                Booked booked = gateway.inTenant(device.tenant(),
                        sql -> bookOnce(sql, device, received.size(), unique, locked));
                count(booked);
                return booked;
            } catch (Replan e) {
                lockFirst = true; // a customer changed between the unlocked read and the lock: decide under the lock
                metrics.counter("wificore.water.batches.replanned").increment();
            } catch (DataAccessException e) {
                // a deadlock, or a row routed to the default partition while maintenance attaches its day's
                // partition (23514; a late upload spanning days meets one attach per day): the batch is idempotent
                if (attempt >= ATTEMPTS || !retryable(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(100L * attempt + java.util.concurrent.ThreadLocalRandom.current().nextLong(50));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a dispense batch", e);
        }
    }

    /** A decision taken on the unlocked read differs from the one under the lock; the transaction rolls back. */
    private static final class Replan extends RuntimeException {
        Replan() {
            super(null, null, false, false);
        }
    }

    private Booked bookOnce(JdbcClient sql, DeviceGuard.Signed device, int receivedCount,
                            List<DispenseBatch.Item> items, boolean lockFirst) {
        guard.consumeNonce(sql, device);
        Instant now = clock.instant();
        var terms = DispenseRules.Terms.load(sql, device.dispenserId());
        List<DispenseBatch.Item> booking = SeqBlocks.claim(sql, device.dispenserId(), items);
        touch(sql, device, now);
        if (booking.isEmpty()) {
            return new Booked(receivedCount, 0, receivedCount, 0, BigDecimal.ZERO, BigDecimal.ZERO, List.of());
        }
        // Decided on an unlocked read and inserted before the customers are locked, so batches of kiosks that
        // share customers queue on each other only for the balance update and the commit. Under the locks every
        // dispense is decided again; if any decision differs, the batch is redone with the locks taken first.
        var planned = lockFirst ? null : decide(booking, terms, DispenseRules.Accounts.load(sql, booking, false));
        int inDefault = planned == null ? 0 : insert(sql, device, planned, now);
        var accounts = DispenseRules.Accounts.load(sql, booking, true);
        List<DispenseRules.Decision> decisions = decide(booking, terms, accounts);
        if (planned == null) {
            inDefault = insert(sql, device, decisions, now);
        } else if (!decisions.equals(planned)) {
            throw new Replan();
        }
        accounts.saveBalances(sql, now);
        if (inDefault > 0) {
            jobs.getObject().enqueue(new LatePartitions.Place(), JobOptions.defaults().tenant(device.tenant())
                    .idempotencyKey("water.partitions:" + now.getEpochSecond() / 60).maxAttempts(5));
        }
        Booked booked = summary(receivedCount, decisions);
        alerts.publish(device.tenant(), "water.dispensed", event(device, booked, decisions));
        return booked;
    }

    private static List<DispenseRules.Decision> decide(List<DispenseBatch.Item> booking, DispenseRules.Terms terms,
                                                       DispenseRules.Accounts accounts) {
        return booking.stream().map(i -> DispenseRules.decide(i, terms, accounts)).toList();
    }

    /** One multi-row insert; answers how many rows went to the default partition (a day without its own yet). */
    private static int insert(JdbcClient sql, DeviceGuard.Signed device, List<DispenseRules.Decision> decisions,
                              Instant now) {
        int n = decisions.size();
        String[] started = new String[n], ended = new String[n], customers = new String[n], refs = new String[n],
                litres = new String[n], amounts = new String[n], debits = new String[n], flags = new String[n];
        long[] seqs = new long[n];
        for (int i = 0; i < n; i++) {
            var d = decisions.get(i);
            var item = d.item();
            seqs[i] = item.seq();
            started[i] = item.startedAt().toString();
            ended[i] = item.endedAt() == null ? null : item.endedAt().toString();
            customers[i] = d.customerId() == null ? null : d.customerId().toString();
            refs[i] = d.customerRef();
            litres[i] = item.litres().toPlainString();
            amounts[i] = item.amount().toPlainString();
            debits[i] = d.debit().toPlainString();
            flags[i] = d.flag();
        }
        return sql.sql("""
                        with booked as (
                            insert into water_transactions (dispensed_at, ended_at, recorded_at, dispenser_id, device_seq,
                                customer_id, customer_ref, litres, amount, debit, flag)
                            select t.started, t.ended, ?, ?, t.seq, t.customer, t.ref, t.litres, t.amount, t.debit, t.flag
                            from unnest(?::timestamptz[], ?::timestamptz[], ?::bigint[], ?::uuid[], ?::text[],
                                        ?::numeric[], ?::numeric[], ?::numeric[], ?::text[])
                                 as t(started, ended, seq, customer, ref, litres, amount, debit, flag)
                            returning tableoid)
                        select count(*) filter (where tableoid = 'water_transactions_default'::regclass) from booked""")
                .params(Timestamp.from(now), device.dispenserId(), started, ended, seqs, customers, refs, litres,
                        amounts, debits, flags)
                .query(Integer.class).single();
    }

    /** Any signed upload proves the device is alive: seen now, no longer offline. */
    private static void touch(JdbcClient sql, DeviceGuard.Signed device, Instant now) {
        sql.sql("""
                        update dispensers set last_seen_at = greatest(coalesce(last_seen_at, ?), ?), offline_alerted_at = null
                        where id = ?""")
                .params(Timestamp.from(now), Timestamp.from(now), device.dispenserId()).update();
    }

    private static Booked summary(int received, List<DispenseRules.Decision> decisions) {
        BigDecimal litres = BigDecimal.ZERO;
        BigDecimal debited = BigDecimal.ZERO;
        List<Map<String, Object>> flagged = new ArrayList<>();
        for (var d : decisions) {
            litres = litres.add(d.item().litres());
            debited = debited.add(d.debit());
            if (d.flag() != null) {
                flagged.add(Map.of("seq", d.item().seq(), "reason", d.flag()));
            }
        }
        return new Booked(received, decisions.size(), received - decisions.size(), flagged.size(), litres, debited,
                flagged);
    }

    private static Map<String, Object> event(DeviceGuard.Signed device, Booked booked,
                                             List<DispenseRules.Decision> decisions) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("dispenserId", device.dispenserId().toString());
        data.put("deviceId", device.device().deviceId());
        data.put("dispenses", booked.recorded());
        data.put("litres", booked.litres());
        data.put("debited", booked.debited());
        data.put("flagged", booked.flagged());
        data.put("lastSeq", decisions.getLast().item().seq());
        data.put("lastDispensedAt", decisions.getLast().item().startedAt().toString());
        return data;
    }

    private void count(Booked booked) {
        metrics.counter("wificore.water.dispenses", "outcome", "recorded").increment(booked.recorded() - booked.flagged());
        metrics.counter("wificore.water.dispenses", "outcome", "duplicate").increment(booked.duplicates());
        booked.flaggedItems().forEach(f -> metrics.counter("wificore.water.dispenses", "outcome",
                "flagged_" + f.get("reason")).increment());
    }

    /** The first dispense of each sequence number, in sequence order (keys are then locked in one order). */
    private static List<DispenseBatch.Item> firstOfEachSeq(List<DispenseBatch.Item> items) {
        Map<Long, DispenseBatch.Item> first = new LinkedHashMap<>();
        items.forEach(i -> first.putIfAbsent(i.seq(), i));
        List<DispenseBatch.Item> sorted = new ArrayList<>(first.values());
        sorted.sort(Comparator.comparingLong(DispenseBatch.Item::seq));
        return sorted;
    }

    private static boolean retryable(DataAccessException e) {
        Throwable cause = e.getMostSpecificCause();
        String state = cause instanceof SQLException s ? s.getSQLState() : null;
        return "40P01".equals(state) || "40001".equals(state) || "23514".equals(state);
    }
}
