package com.traidnet.wificore.water;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.platform.Page;
import com.traidnet.wificore.platform.SecretBox;
import com.traidnet.wificore.platform.SqlText;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Staff management of dispensers. Registration and key rotation answer the secret key once; only
 * its SecretBox-sealed form is stored (the server must recompute each request's HMAC), and the
 * device id is routed in {@code public.water_devices} in the same transaction.
 */
@Service
class Dispensers {

    /** A dispenser with its secret key: shown this once. */
    record WithKey(Dispenser dispenser, String secretKey) {
    }

    private final TenantGateway gateway;
    private final SecretBox box;
    private final DeviceCredentials credentials;
    private final WaterSettings settings;
    private final Clock clock;

    Dispensers(TenantGateway gateway, SecretBox box, DeviceCredentials credentials, WaterSettings settings,
               Clock clock) {
        this.gateway = gateway;
        this.box = box;
        this.credentials = credentials;
        this.settings = settings;
        this.clock = clock;
    }

    WithKey register(TenantId tenant, Actor actor, DispenserRequest r) {
        r.requireAllForRegistration();
        lowWithinCapacity(r.tankLowLitres(), r.tankCapacityLitres());
        String secret = DeviceKeys.newSecret();
        byte[] sealed = box.seal(secret.getBytes(StandardCharsets.UTF_8));
        for (int attempt = 0; ; attempt++) {
            String deviceId = DeviceKeys.newDeviceId();
            try {
                return gateway.inTenant(tenant, sql -> {
                    uniqueName(sql, r.name(), null);
                    UUID id = sql.sql("""
                                    insert into dispensers (device_id, key_sealed, name, location, tank_capacity_litres,
                                        tank_low_litres, price_per_litre, currency, pulses_per_litre)
                                    values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                            .params(deviceId, sealed, r.name().strip(), blankToNull(r.location()),
                                    r.tankCapacityLitres(), r.tankLowLitres(), r.pricePerLitre(),
                                    r.currency() == null ? currency(sql) : r.currency(), r.pulsesPerLitre())
                            .query(UUID.class).single();
                    sql.sql("insert into water_devices (device_id, tenant_id, dispenser_id) values (?, ?, ?)")
                            .params(deviceId, tenant.value(), id).update();
                    actor.audit(sql, "water.dispenser.registered", deviceId);
                    return new WithKey(require(sql, id), secret);
                });
            } catch (DuplicateKeyException e) {
                if (attempt >= 3 || e.getMessage() == null || !e.getMessage().contains("device_id")) {
                    throw e; // 31^10 ids: a collision is rare; a repeated one is a bug
                }
            }
        }
    }

    /** A low-tank alert above the tank's capacity would fire on every report, even from a full tank. */
    private static void lowWithinCapacity(BigDecimal low, BigDecimal capacity) {
        if (low != null && capacity != null && low.compareTo(capacity) > 0) {
            throw ApiProblem.invalidField("tankLowLitres", "must not exceed the tank's capacity ("
                    + capacity.stripTrailingZeros().toPlainString() + " L)");
        }
    }

    Dispenser change(TenantId tenant, Actor actor, UUID id, DispenserRequest r) {
        Dispenser after = gateway.inTenant(tenant, sql -> {
            require(sql, id);
            if (r.name() != null) {
                if (r.name().isBlank()) {
                    throw ApiProblem.invalidField("name", "must not be blank");
                }
                uniqueName(sql, r.name(), id);
            }
            sql.sql("""
                            update dispensers set name = coalesce(?, name), location = coalesce(?, location),
                                tank_capacity_litres = coalesce(?, tank_capacity_litres),
                                tank_low_litres = coalesce(?, tank_low_litres),
                                price_per_litre = coalesce(?, price_per_litre), currency = coalesce(?, currency),
                                pulses_per_litre = coalesce(?, pulses_per_litre), updated_at = ?
                            where id = ?""")
                    .params(r.name() == null ? null : r.name().strip(), r.location(), r.tankCapacityLitres(),
                            r.tankLowLitres(), r.pricePerLitre(), r.currency(), r.pulsesPerLitre(), now(), id)
                    .update();
            actor.audit(sql, "water.dispenser.changed", id.toString());
            Dispenser changed = require(sql, id);
            lowWithinCapacity(changed.tankLowLitres(), changed.tankCapacityLitres()); // rolls the change back
            return changed;
        });
        credentials.evict(after.deviceId());
        return after;
    }

    Dispenser setEnabled(TenantId tenant, Actor actor, UUID id, boolean enabled) {
        Dispenser after = gateway.inTenant(tenant, sql -> {
            require(sql, id);
            sql.sql("update dispensers set enabled = ?, updated_at = ? where id = ?").params(enabled, now(), id).update();
            actor.audit(sql, enabled ? "water.dispenser.enabled" : "water.dispenser.disabled", id.toString());
            return require(sql, id);
        });
        credentials.evict(after.deviceId());
        return after;
    }

    WithKey rotateKey(TenantId tenant, Actor actor, UUID id) {
        String secret = DeviceKeys.newSecret();
        byte[] sealed = box.seal(secret.getBytes(StandardCharsets.UTF_8));
        WithKey rotated = gateway.inTenant(tenant, sql -> {
            require(sql, id);
            sql.sql("update dispensers set key_sealed = ?, key_rotated_at = ?, updated_at = ? where id = ?")
                    .params(sealed, now(), now(), id).update();
            actor.audit(sql, "water.dispenser.key_rotated", id.toString());
            return new WithKey(require(sql, id), secret);
        });
        credentials.evict(rotated.dispenser().deviceId());
        return rotated;
    }

    Optional<Dispenser> find(TenantId tenant, UUID id) {
        return gateway.inTenant(tenant, sql -> load(sql, id));
    }

    Page<Dispenser> list(TenantId tenant, String q, String status, Page.Request page) {
        var now = clock.instant();
        var offline = Timestamp.from(now.minus(settings.offlineAfter()));
        return page.of(gateway.inTenant(tenant, sql -> sql.sql("select " + Dispenser.COLUMNS + " from dispensers"
                        + " where (lower(name) like :q or lower(device_id) like :q or lower(coalesce(location, '')) like :q)"
                        + " and (cast(:status as text) is null"
                        + "   or :status = 'disabled' and not enabled"
                        + "   or :status = 'never_seen' and enabled and last_seen_at is null"
                        + "   or :status = 'offline' and enabled and last_seen_at < :offline"
                        + "   or :status = 'online' and enabled and last_seen_at >= :offline)"
                        + " order by created_at desc, id offset :offset limit :limit")
                .param("q", SqlText.containsPattern(q)).param("status", status).param("offline", offline)
                .param("offset", page.offset()).param("limit", page.limit())
                .query((rs, n) -> Dispenser.map(rs, now, settings.offlineAfter())).list()));
    }

    Optional<Dispenser> load(JdbcClient sql, UUID id) {
        var now = clock.instant();
        return sql.sql("select " + Dispenser.COLUMNS + " from dispensers where id = ?").param(id)
                .query((rs, n) -> Dispenser.map(rs, now, settings.offlineAfter())).optional();
    }

    private Dispenser require(JdbcClient sql, UUID id) {
        return load(sql, id).orElseThrow(() -> ApiProblem.notFound("dispenser " + id));
    }

    private static void uniqueName(JdbcClient sql, String name, UUID self) {
        boolean taken = sql.sql("select exists (select 1 from dispensers where lower(name) = lower(?) and id is distinct from ?)")
                .params(name.strip(), self).query(Boolean.class).single();
        if (taken) {
            throw ApiProblem.conflictOn("name", "a dispenser named '" + name.strip() + "' already exists");
        }
    }

    static String currency(JdbcClient sql) {
        return sql.sql("select currency from water_settings").query(String.class).single();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
