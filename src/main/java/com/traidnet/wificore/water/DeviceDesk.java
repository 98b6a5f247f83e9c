package com.traidnet.wificore.water;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.tenant.TenantGateway;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The device API's small requests: authorize (may this customer have water, how much), heartbeat
 * (alive, tank level, faults — raising {@code dispenser.fault} and {@code tank.low} once per
 * episode) and token redemption at the kiosk. Each runs in one tenant transaction with the
 * request's nonce.
 */
@Service
class DeviceDesk {

    record AuthorizeRequest(UUID customerId, String card, String phone, BigDecimal litres) {
    }

    /** {@code reason} when not authorized: {@code customer_blocked}, {@code insufficient_balance}. */
    record Authorization(boolean authorized, String reason, UUID customerId, String name, String balanceUnit,
                         BigDecimal balance, BigDecimal available, BigDecimal maxLitres, BigDecimal pricePerLitre,
                         String currency) {
    }

    record Heartbeat(BigDecimal tankLevelLitres, List<String> faultCodes, JsonNode telemetry) {
    }

    record HeartbeatReply(Instant serverTime, BigDecimal pricePerLitre, String currency, String balanceUnit,
                          List<String> faultCodes) {
    }

    record RedeemRequest(String code, UUID customerId, String card) {
    }

    private final TenantGateway gateway;
    private final DeviceGuard guard;
    private final Tokens tokens;
    private final WaterAlerts alerts;
    private final WaterSettings settings;
    private final Clock clock;

    DeviceDesk(TenantGateway gateway, DeviceGuard guard, Tokens tokens, WaterAlerts alerts, WaterSettings settings,
               Clock clock) {
        this.gateway = gateway;
        this.guard = guard;
        this.tokens = tokens;
        this.alerts = alerts;
        this.settings = settings;
        this.clock = clock;
    }

    Authorization authorize(DeviceGuard.Signed device, AuthorizeRequest r) {
        int refs = (r.customerId() != null ? 1 : 0) + (r.card() != null ? 1 : 0) + (r.phone() != null ? 1 : 0);
        if (refs != 1) {
            throw new DeviceRefusal(HttpStatus.BAD_REQUEST, "invalid_request", "give exactly one of customerId, card, phone");
        }
        if (r.litres() != null && (r.litres().signum() <= 0 || r.litres().compareTo(settings.maxLitres()) > 0)) {
            throw new DeviceRefusal(HttpStatus.BAD_REQUEST, "invalid_request", "litres: more than 0, at most "
                    + settings.maxLitres().toPlainString());
        }
        String phone = r.phone() == null ? null : CustomerRequest.phone(r.phone());
        // one statement: the nonce and the lookup share a round trip (authorize is latency-bound)
        return gateway.inTenant(device.tenant(), sql -> sql.sql("""
                        with nonce as (
                            insert into water_device_nonces (dispenser_id, nonce, expires_at)
                            values (:dispenser, :nonce, :expires) on conflict do nothing returning 1),
                        found as (
                            select c.id, c.name, c.status, c.balance, c.credit_limit, w.balance_unit, d.price_per_litre,
                                   d.currency
                            from water_customers c cross join water_settings w join dispensers d on d.id = :dispenser
                            where (c.id = :id or c.card_id = :card or c.phone = :phone))
                        select (select count(*) from nonce) as fresh, found.* from (select 1) as one
                        left join found on true""")
                .param("dispenser", device.dispenserId()).param("nonce", device.nonce())
                .param("expires", guard.nonceExpiry(device)).param("id", r.customerId()).param("card", r.card())
                .param("phone", phone)
                .query((rs, n) -> {
                    if (rs.getInt("fresh") == 0) {
                        throw DeviceGuard.replay(device);
                    }
                    UUID id = rs.getObject("id", UUID.class);
                    return id == null ? null : decide(r, id, rs.getString("name"), rs.getString("status"),
                            rs.getBigDecimal("balance"), rs.getBigDecimal("credit_limit"), rs.getString("balance_unit"),
                            rs.getBigDecimal("price_per_litre"), rs.getString("currency"));
                })
                .list().stream().filter(java.util.Objects::nonNull).findFirst()
                .orElseThrow(() -> new DeviceRefusal(HttpStatus.NOT_FOUND, "unknown_customer",
                        "no such customer of this dispenser's operator")));
    }

    private Authorization decide(AuthorizeRequest r, UUID id, String name, String status, BigDecimal balance,
                                 BigDecimal creditLimit, String unit, BigDecimal price, String currency) {
        BigDecimal available = balance.add(creditLimit).max(BigDecimal.ZERO);
        BigDecimal max = "litres".equals(unit) ? available
                : price.signum() == 0 ? settings.maxLitres() : available.divide(price, 3, RoundingMode.DOWN);
        max = max.min(settings.maxLitres());
        String reason = "blocked".equals(status) ? "customer_blocked"
                : max.signum() == 0 || r.litres() != null && max.compareTo(r.litres()) < 0 ? "insufficient_balance" : null;
        return new Authorization(reason == null, reason, id, name, unit, balance, available,
                reason != null && reason.equals("customer_blocked") ? BigDecimal.ZERO : max, price, currency);
    }

    HeartbeatReply heartbeat(DeviceGuard.Signed device, Heartbeat h) {
        List<String> codes = h.faultCodes() == null ? List.of() : h.faultCodes();
        if (codes.size() > 20 || codes.stream().anyMatch(c -> c == null || !c.matches("[A-Za-z0-9_.:-]{1,32}"))) {
            throw new DeviceRefusal(HttpStatus.BAD_REQUEST, "invalid_request",
                    "faultCodes: at most 20 codes of 1-32 characters [A-Za-z0-9_.:-]");
        }
        if (h.tankLevelLitres() != null && (h.tankLevelLitres().signum() < 0
                || h.tankLevelLitres().compareTo(new BigDecimal("1000000")) > 0)) {
            throw new DeviceRefusal(HttpStatus.BAD_REQUEST, "invalid_request", "tankLevelLitres: 0 to 1000000");
        }
        String telemetry = h.telemetry() == null ? null : h.telemetry().toString();
        if (telemetry != null && telemetry.length() > 4096) {
            throw new DeviceRefusal(HttpStatus.BAD_REQUEST, "invalid_request", "telemetry: at most 4 KiB of JSON");
        }
        Instant now = clock.instant();
        return gateway.inTenant(device.tenant(), sql -> {
            guard.consumeNonce(sql, device);
            var before = sql.sql("""
                            select name, fault_codes, tank_capacity_litres, tank_low_litres, tank_low_alerted_at
                            from dispensers where id = ? for update""")
                    .param(device.dispenserId()).query((rs, n) -> new Object[] {rs.getString(1),
                            List.of((String[]) rs.getArray(2).getArray()), rs.getBigDecimal(3), rs.getBigDecimal(4),
                            rs.getObject(5)}).single();
            String name = (String) before[0];
            @SuppressWarnings("unchecked") List<String> oldCodes = (List<String>) before[1];
            BigDecimal lowMark = before[3] != null ? (BigDecimal) before[3]
                    : ((BigDecimal) before[2]).multiply(settings.tankLowShare()).setScale(3, RoundingMode.HALF_UP);
            boolean wasLow = before[4] != null;
            boolean low = h.tankLevelLitres() != null ? h.tankLevelLitres().compareTo(lowMark) <= 0 : wasLow;
            sql.sql("""
                            update dispensers set last_seen_at = greatest(coalesce(last_seen_at, :now), :now),
                                offline_alerted_at = null, tank_level_litres = coalesce(:level, tank_level_litres),
                                fault_codes = :codes::text[], telemetry = coalesce(cast(:telemetry as jsonb), telemetry),
                                tank_low_alerted_at = case when :low then coalesce(tank_low_alerted_at, :now) end
                            where id = :id""")
                    .param("now", Timestamp.from(now)).param("level", h.tankLevelLitres())
                    .param("codes", codes.toArray(String[]::new)).param("telemetry", telemetry).param("low", low)
                    .param("id", device.dispenserId()).update();
            List<String> fresh = new ArrayList<>(codes);
            fresh.removeAll(oldCodes);
            if (!fresh.isEmpty()) {
                alerts.alert(device.tenant(), "dispenser.fault", device.dispenserId(), name,
                        event(device, name, Map.of("faultCodes", codes, "newFaultCodes", fresh)),
                        "fault codes " + fresh);
            }
            if (low && !wasLow) {
                alerts.alert(device.tenant(), "tank.low", device.dispenserId(), name,
                        event(device, name, Map.of("tankLevelLitres", h.tankLevelLitres(), "tankLowLitres", lowMark)),
                        "tank at " + h.tankLevelLitres().toPlainString() + " l (low mark " + lowMark.toPlainString() + " l)");
            }
            return sql.sql("""
                            select d.price_per_litre, d.currency, w.balance_unit from dispensers d cross join water_settings w
                            where d.id = ?""").param(device.dispenserId())
                    .query((rs, n) -> new HeartbeatReply(now, rs.getBigDecimal(1), rs.getString(2), rs.getString(3), codes))
                    .single();
        });
    }

    Tokens.Redeemed redeem(DeviceGuard.Signed device, RedeemRequest r) {
        if ((r.customerId() == null) == (r.card() == null)) {
            throw new DeviceRefusal(HttpStatus.BAD_REQUEST, "invalid_request", "give customerId or card (one of them)");
        }
        return gateway.inTenant(device.tenant(), sql -> {
            guard.consumeNonce(sql, device);
            UUID customer = r.customerId() != null ? r.customerId() : byCard(sql, r.card());
            try {
                return tokens.redeem(sql, r.code(), customer, device.dispenserId(), "device:" + device.device().deviceId());
            } catch (ApiProblem p) {
                if (p instanceof DeviceRefusal) {
                    throw p;
                }
                throw new DeviceRefusal(p.status(), p.status() == HttpStatus.NOT_FOUND ? "not_found" : "token_refused",
                        p.getMessage());
            }
        });
    }

    private static UUID byCard(JdbcClient sql, String card) {
        return sql.sql("select id from water_customers where card_id = ?").param(card).query(UUID.class).optional()
                .orElseThrow(() -> new DeviceRefusal(HttpStatus.NOT_FOUND, "unknown_customer",
                        "no such customer of this dispenser's operator"));
    }

    private static Map<String, Object> event(DeviceGuard.Signed device, String name, Map<String, ?> more) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("dispenserId", device.dispenserId().toString());
        data.put("deviceId", device.device().deviceId());
        data.put("name", name);
        data.putAll(more);
        return data;
    }
}
