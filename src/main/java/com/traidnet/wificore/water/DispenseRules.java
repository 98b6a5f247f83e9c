package com.traidnet.wificore.water;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Whether a reported dispense is honoured (the customer is debited) or stored flagged, and why.
 * Flags: {@code amount_mismatch} (amount ≠ price × litres, to the cent), {@code unknown_customer}
 * (not a customer of this tenant — another tenant's included), {@code customer_blocked},
 * {@code insufficient_balance} (the debit would take the balance below minus the credit limit).
 * A dispense without a customer is a cash or coin sale: stored, nothing debited.
 */
final class DispenseRules {

    /** One cent: a device rounding price × litres its own way is not a mismatch. */
    static final BigDecimal AMOUNT_TOLERANCE = new BigDecimal("0.01");

    private DispenseRules() {
    }

    record Decision(DispenseBatch.Item item, UUID customerId, String customerRef, BigDecimal debit, String flag) {
    }

    /** The dispenser's price and the tenant's balance unit, read in the booking transaction. */
    record Terms(BigDecimal pricePerLitre, boolean litresBalance) {
        static Terms load(JdbcClient sql, UUID dispenser) {
            return sql.sql("select d.price_per_litre, w.balance_unit from dispensers d, water_settings w where d.id = ?")
                    .param(dispenser).query((rs, n) -> new Terms(rs.getBigDecimal(1), "litres".equals(rs.getString(2))))
                    .single();
        }

        BigDecimal expectedAmount(BigDecimal litres) {
            return pricePerLitre.multiply(litres).setScale(2, RoundingMode.HALF_UP);
        }
    }

    /** The customers a batch names, locked for the transaction, with their balances as the batch goes. */
    static final class Accounts {
        private final Map<UUID, Account> byId = new LinkedHashMap<>();
        private final Map<String, Account> byCard = new HashMap<>();

        private static final class Account {
            final UUID id;
            final boolean blocked;
            final BigDecimal creditLimit;
            final BigDecimal opening;
            BigDecimal balance;
            Instant lastDispense;

            Account(UUID id, boolean blocked, BigDecimal balance, BigDecimal creditLimit) {
                this.id = id;
                this.blocked = blocked;
                this.opening = balance;
                this.balance = balance;
                this.creditLimit = creditLimit;
            }
        }

        /** The customers {@code items} name; {@code forUpdate} locks them (in id order) until the transaction ends. */
        static Accounts load(JdbcClient sql, List<DispenseBatch.Item> items, boolean forUpdate) {
            UUID[] ids = items.stream().map(DispenseBatch.Item::customerId).filter(Objects::nonNull).distinct()
                    .toArray(UUID[]::new);
            String[] cards = items.stream().map(DispenseBatch.Item::card).filter(Objects::nonNull).distinct()
                    .toArray(String[]::new);
            Accounts accounts = new Accounts();
            if (ids.length == 0 && cards.length == 0) {
                return accounts;
            }
            // Typed array parameters, not "?::uuid[]" over text: a row another batch updated meanwhile is
            // re-checked (EvalPlanQual), and a cast in the condition re-parsed the whole id array (a uuid_in per
            // element) for every such row; with concurrent batches on the same customers that was most of
            // PostgreSQL's CPU, spent while holding the locks (docs/performance.md, Water)
            sql.sql("""
                            select id, card_id, status, balance, credit_limit from water_customers
                            where id = any(?) or card_id = any(?) order by id""" + (forUpdate ? " for update" : ""))
                    .params(Rows.array("uuid", ids), Rows.array("text", cards))
                    .query((rs, n) -> {
                        var a = new Account(Rows.uuid(rs, "id"), "blocked".equals(rs.getString("status")),
                                rs.getBigDecimal("balance"), rs.getBigDecimal("credit_limit"));
                        accounts.byId.put(a.id, a);
                        if (rs.getString("card_id") != null) {
                            accounts.byCard.put(rs.getString("card_id"), a);
                        }
                        return a;
                    }).list();
            return accounts;
        }

        /** One set-wise update of every balance the batch changed. */
        void saveBalances(JdbcClient sql, Instant now) {
            List<Account> changed = new ArrayList<>();
            byId.values().stream().filter(a -> a.lastDispense != null).forEach(changed::add);
            if (changed.isEmpty()) {
                return;
            }
            sql.sql("""
                            update water_customers c set balance = c.balance - u.debit,
                                last_dispense_at = greatest(c.last_dispense_at, u.last), updated_at = ?
                            from unnest(?::uuid[], ?::numeric[], ?::timestamptz[]) as u(id, debit, last)
                            where c.id = u.id""")
                    .params(Timestamp.from(now), changed.stream().map(a -> a.id.toString()).toArray(String[]::new),
                            changed.stream().map(a -> a.opening.subtract(a.balance).toPlainString()).toArray(String[]::new),
                            changed.stream().map(a -> a.lastDispense.toString()).toArray(String[]::new))
                    .update();
        }
    }

    static Decision decide(DispenseBatch.Item item, Terms terms, Accounts accounts) {
        String ref = item.customerId() != null ? item.customerId().toString() : item.card();
        Accounts.Account account = item.customerId() != null ? accounts.byId.get(item.customerId())
                : item.card() != null ? accounts.byCard.get(item.card()) : null;
        UUID customer = account == null ? null : account.id;
        if (item.amount().subtract(terms.expectedAmount(item.litres())).abs().compareTo(AMOUNT_TOLERANCE) > 0) {
            return new Decision(item, customer, ref, BigDecimal.ZERO, "amount_mismatch");
        }
        if (ref == null) {
            return new Decision(item, null, null, BigDecimal.ZERO, null); // a cash or coin sale
        }
        if (account == null) {
            return new Decision(item, null, ref, BigDecimal.ZERO, "unknown_customer");
        }
        if (account.blocked) {
            return new Decision(item, customer, ref, BigDecimal.ZERO, "customer_blocked");
        }
        BigDecimal debit = terms.litresBalance() ? item.litres() : item.amount();
        if (account.balance.subtract(debit).compareTo(account.creditLimit.negate()) < 0) {
            return new Decision(item, customer, ref, BigDecimal.ZERO, "insufficient_balance");
        }
        account.balance = account.balance.subtract(debit);
        if (account.lastDispense == null || item.startedAt().isAfter(account.lastDispense)) {
            account.lastDispense = item.startedAt();
        }
        return new Decision(item, customer, ref, debit, null);
    }
}
