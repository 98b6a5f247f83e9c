package com.traidnet.wificore.water;

import com.traidnet.wificore.billing.Checkout;
import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.platform.Page;
import com.traidnet.wificore.platform.SqlText;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Staff management of water customers, their statement and top-ups. */
@Service
class Customers {

    record TopUp(Customer customer, BigDecimal credited) {
    }

    private final TenantGateway gateway;
    private final Checkout checkout;
    private final Clock clock;

    Customers(TenantGateway gateway, Checkout checkout, Clock clock) {
        this.gateway = gateway;
        this.checkout = checkout;
        this.clock = clock;
    }

    Customer create(TenantId tenant, Actor actor, CustomerRequest r) {
        String phone = CustomerRequest.phone(r.phone());
        if (r.cardId() == null && phone == null) {
            throw ApiProblem.invalidField("cardId", "a customer needs a card/tag id or a phone number");
        }
        return unique(() -> gateway.inTenant(tenant, sql -> {
            UUID id = sql.sql("""
                            insert into water_customers (name, card_id, phone, status, credit_limit)
                            values (?, ?, ?, coalesce(?, 'active'), coalesce(?, 0)) returning id""")
                    .params(blank(r.name()), r.cardId(), phone, r.status(), r.creditLimit()).query(UUID.class).single();
            actor.audit(sql, "water.customer.created", id.toString());
            return require(sql, id);
        }));
    }

    Customer change(TenantId tenant, Actor actor, UUID id, CustomerRequest r) {
        String phone = CustomerRequest.phone(r.phone());
        return unique(() -> gateway.inTenant(tenant, sql -> {
            require(sql, id);
            sql.sql("""
                            update water_customers set name = coalesce(?, name), card_id = coalesce(?, card_id),
                                phone = coalesce(?, phone), status = coalesce(?, status),
                                credit_limit = coalesce(?, credit_limit), updated_at = ?
                            where id = ?""")
                    .params(blank(r.name()), r.cardId(), phone, r.status(), r.creditLimit(),
                            Timestamp.from(clock.instant()), id).update();
            actor.audit(sql, "water.customer.changed", id.toString());
            return require(sql, id);
        }));
    }

    Optional<Customer> find(TenantId tenant, UUID id) {
        return gateway.inTenant(tenant, sql -> load(sql, id));
    }

    Page<Customer> list(TenantId tenant, String q, String status, Page.Request page) {
        return page.of(gateway.inTenant(tenant, sql -> sql.sql(Customer.SELECT
                        + " where (lower(coalesce(c.name, '')) like :q or lower(coalesce(c.card_id, '')) like :q"
                        + "        or coalesce(c.phone, '') like :q)"
                        + " and (cast(:status as text) is null or c.status = :status)"
                        + " order by c.created_at desc, c.id offset :offset limit :limit")
                .param("q", SqlText.containsPattern(q)).param("status", status)
                .param("offset", page.offset()).param("limit", page.limit()).query(Customer::map).list()));
    }

    /** Cash a staff member took: credited at once, in the tenant's balance unit. */
    TopUp cash(TenantId tenant, Actor actor, UUID id, BigDecimal amount, String reference) {
        return gateway.inTenant(tenant, sql -> {
            lock(sql, id);
            BigDecimal value = Credits.valueOfMoney(sql, amount);
            Credits.apply(sql, new Credits.Credit(id, "cash", value, amount, reference, null, null, actor.label()),
                    clock.instant());
            actor.audit(sql, "water.customer.cash_topup", id + " " + amount.toPlainString());
            return new TopUp(require(sql, id), value);
        });
    }

    /** An STK push to the customer's phone (or the one given); billing credits the account when it settles. */
    Checkout.Status mpesa(TenantId tenant, UUID id, BigDecimal amount, String phone) {
        Customer c = find(tenant, id).orElseThrow(() -> ApiProblem.notFound("water customer " + id));
        String payer = phone != null && !phone.isBlank() ? CustomerRequest.phone(phone) : c.phone();
        if (payer == null) {
            throw ApiProblem.invalidField("phone", "the customer has no phone number: give the one to prompt");
        }
        if ("blocked".equals(c.status())) {
            throw ApiProblem.conflict("customer " + id + " is blocked");
        }
        return checkout.topUpWater(tenant, payer, amount, id);
    }

    static Optional<Customer> load(JdbcClient sql, UUID id) {
        return sql.sql(Customer.SELECT + " where c.id = ?").param(id).query(Customer::map).optional();
    }

    static Customer require(JdbcClient sql, UUID id) {
        return load(sql, id).orElseThrow(() -> ApiProblem.notFound("water customer " + id));
    }

    /** Locks the customer row (credits and dispenses of one customer serialise on it). */
    static void lock(JdbcClient sql, UUID id) {
        sql.sql("select id from water_customers where id = ? for update").param(id).query(UUID.class).optional()
                .orElseThrow(() -> ApiProblem.notFound("water customer " + id));
    }

    private static <T> T unique(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (DuplicateKeyException e) {
            String what = String.valueOf(e.getMessage()).contains("card_id") ? "cardId" : "phone";
            throw ApiProblem.invalidField(what, "another customer already has this " + what);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
