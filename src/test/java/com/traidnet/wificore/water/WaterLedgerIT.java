package com.traidnet.wificore.water;

import com.traidnet.wificore.partition.MaintenanceRequest;
import com.traidnet.wificore.partition.PartitionMaintenance;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** The dispense ledger: exactly once, in the right day partitions, balances equal to statements, one debit under races. */
class WaterLedgerIT extends WaterIntegrationTest {

    @Autowired
    TenantGateway gateway;
    @Autowired
    PartitionMaintenance partitions;

    @Test
    void aDeviceBackAfterThreeDaysOfflineUploadsOutOfOrderAndTwiceAndEveryDispenseIsBookedOnceInItsDay() {
        var tenant = registerTenant("water_offline");
        var device = registerDispenser(tenant, "Kiosk A", "2.50");
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            customers.add(customer(tenant, "CARD-" + i, null, "400"));
        }
        // 500 dispenses over three past days (days that have no partition yet), 1 l each at 2.50;
        // customer 4 runs out (400 / 2.50 = 160 litres) — the rest of their dispenses are flagged
        Instant firstDay = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(3, ChronoUnit.DAYS).plusSeconds(3600);
        List<Map<String, Object>> queue = new ArrayList<>();
        for (int seq = 1; seq <= 500; seq++) {
            String customer = seq % 3 == 0 ? customers.get(4) : customers.get(seq % 4);
            queue.add(dispense(seq, customer, "1.000", "2.50", firstDay.plusSeconds(seq * 500L)));
        }
        // out of order; the second half of the upload mixes the rest with 150 repeats of what was already sent,
        // a third of them re-stamped (a replay carrying another time must still be caught)
        List<Map<String, Object>> shuffled = new ArrayList<>(queue);
        Collections.shuffle(shuffled, new Random(7));
        List<Map<String, Object>> upload = new ArrayList<>(shuffled.subList(0, 300));
        List<Map<String, Object>> rest = new ArrayList<>(shuffled.subList(300, 500));
        Random random = new Random(11);
        for (int i = 0; i < 150; i++) {
            var again = new java.util.LinkedHashMap<>(upload.get(random.nextInt(300)));
            if (i % 3 == 0) {
                again.put("startedAt", Instant.now().minusSeconds(60).toString());
                again.put("endedAt", Instant.now().minusSeconds(30).toString());
            }
            rest.add(again);
        }
        Collections.shuffle(rest, new Random(13));
        upload.addAll(rest);
        int recorded = 0;
        for (int from = 0; from < upload.size(); from += 130) {
            var r = device.dispenses(upload.subList(from, Math.min(upload.size(), from + 130)).toArray());
            assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
            recorded += r.body().path("recorded").asInt();
        }
        assertThat(recorded).isEqualTo(500);

        TenantId id = new TenantId(UUID.fromString(tenant.id()));
        partitions.maintain(new MaintenanceRequest(MaintenanceRequest.Trigger.TEST, tenant.slug(), false));
        var rows = gateway.inTenant(id, sql -> sql.sql("""
                        select device_seq, dispensed_at, tableoid::regclass::text as part from water_transactions""")
                .query((rs, n) -> Map.entry(rs.getLong(1), Map.entry(rs.getObject(2, java.time.OffsetDateTime.class)
                        .toInstant(), rs.getString(3)))).list());
        assertThat(rows).hasSize(500);
        assertThat(rows.stream().map(Map.Entry::getKey).distinct()).hasSize(500);
        var days = DateTimeFormatter.ofPattern("yyyyMMdd");
        rows.forEach(r -> {
            LocalDate day = LocalDate.ofInstant(r.getValue().getKey(), ZoneOffset.UTC);
            assertThat(r.getValue().getValue()).as("seq " + r.getKey()).endsWith("water_transactions_p" + day.format(days));
            // the first upload's time wins: a re-stamped replay changed nothing
            assertThat(r.getValue().getKey()).isEqualTo(firstDay.plusSeconds(r.getKey() * 500L));
        });
        assertThat(rows.stream().map(r -> r.getValue().getValue()).distinct()).hasSizeGreaterThanOrEqualTo(3);

        for (String c : customers) {
            BigDecimal balance = balance(tenant, c);
            var statement = api().get("/api/water/customers/" + c + "/statement?size=200", tenant.token()).body();
            BigDecimal sum = BigDecimal.ZERO;
            for (var e : statement.path("items")) {
                sum = sum.add(e.path("change").decimalValue());
            }
            assertThat(statement.path("hasMore").asBoolean()).isFalse();
            assertThat(sum).as("statement of " + c).isEqualByComparingTo(balance);
            assertThat(statement.path("items").get(0).path("balanceAfter").decimalValue()).isEqualByComparingTo(balance);
            assertThat(balance.signum()).isGreaterThanOrEqualTo(0);
        }
        var flagged = gateway.inTenant(id, sql -> sql.sql(
                "select count(*) from water_transactions where flag = 'insufficient_balance'").query(Long.class).single());
        assertThat(flagged).isEqualTo(166 - 160); // seq % 3 == 0: 166 dispenses of 2.50 against 400
        assertThat(balance(tenant, customers.get(4))).isEqualByComparingTo("0");
    }

    @Test
    void concurrentReportsOfTheSameSequenceDebitOnce() throws Exception {
        var tenant = registerTenant("water_race");
        var device = registerDispenser(tenant, "Kiosk R", "5");
        String customer = customer(tenant, "RACE-1", null, "100");
        Instant at = Instant.now().minusSeconds(120);
        int threads = 8;
        var start = new CountDownLatch(1);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            calls.add(() -> {
                start.await();
                var r = device.dispenses(dispense(42, customer, "2", "10", at), dispense(43, customer, "1", "5", at));
                assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
                return r.body().path("recorded").asInt();
            });
        }
        try (var pool = Executors.newFixedThreadPool(threads)) {
            var futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            int total = 0;
            for (var f : futures) {
                total += f.get();
            }
            assertThat(total).isEqualTo(2);
        }
        assertThat(balance(tenant, customer)).isEqualByComparingTo("85");
        var tx = api().get("/api/water/transactions?customer=" + customer, tenant.token()).body();
        assertThat(tx.path("items").size()).isEqualTo(2);
    }

    @Test
    void aDispenseByCardDebitsTheCardsCustomerAnUnknownCardIsFlaggedAndACashSaleDebitsNobody() {
        var tenant = registerTenant("water_card");
        var device = registerDispenser(tenant, "Kiosk C", "2");
        String customer = customer(tenant, "CARD-7", null, "50");
        Instant at = Instant.now().minusSeconds(300);
        var byCard = dispense(1, null, "5", "10", at);
        byCard.put("card", "CARD-7");
        var unknown = dispense(2, null, "1", "2", at);
        unknown.put("card", "NO-SUCH-CARD");
        var cash = dispense(3, null, "1", "2", at);
        var r = device.dispenses(byCard, unknown, cash);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        assertThat(r.body().path("recorded").asInt()).isEqualTo(3);
        assertThat(r.body().path("flagged").asInt()).isEqualTo(1);
        assertThat(r.body().path("flaggedItems").get(0).path("reason").asString()).isEqualTo("unknown_customer");
        assertThat(balance(tenant, customer)).isEqualByComparingTo("40");
    }

    @Test
    void twoKiosksRacingForTheLastOfABalanceHonourOneDispenseAndFlagTheOther() throws Exception {
        var tenant = registerTenant("water_last");
        var kioskA = registerDispenser(tenant, "Kiosk L1", "5");
        var kioskB = registerDispenser(tenant, "Kiosk L2", "5");
        Instant at = Instant.now().minusSeconds(60);
        for (int round = 0; round < 5; round++) {
            String customer = customer(tenant, "LAST-" + round, null, "10");
            long seq = round + 1L;
            var start = new CountDownLatch(1);
            List<Callable<tools.jackson.databind.JsonNode>> both = new ArrayList<>();
            for (var kiosk : List.of(kioskA, kioskB)) {
                both.add(() -> {
                    start.await();
                    var r = kiosk.dispenses(dispense(seq, customer, "2", "10", at));
                    assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
                    return r.body();
                });
            }
            try (var pool = Executors.newFixedThreadPool(2)) {
                var futures = both.stream().map(pool::submit).toList();
                start.countDown();
                int flagged = 0;
                for (var f : futures) {
                    flagged += f.get().path("flagged").asInt();
                }
                assertThat(flagged).as("round " + round).isEqualTo(1);
            }
            assertThat(balance(tenant, customer)).as("round " + round).isEqualByComparingTo("0");
        }
    }
}
