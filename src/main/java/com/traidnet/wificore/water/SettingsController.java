package com.traidnet.wificore.water;

import com.traidnet.wificore.identity.StaffPrincipal;
import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.tenant.CurrentTenant;
import com.traidnet.wificore.tenant.TenantGateway;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;

/**
 * The tenant's water settings: the balance unit ({@code money} or {@code litres}; fixed once any
 * credit or dispense exists, since balances would change meaning), currency, the top-up price per
 * litre (litre balances bought with money) and the low-balance threshold.
 */
@RestController
@RequestMapping("/api/water/settings")
@Tag(name = "Water")
class SettingsController {

    record View(String balanceUnit, String currency, BigDecimal topupPricePerLitre, BigDecimal lowBalanceThreshold) {
    }

    record Change(@Pattern(regexp = "money|litres", message = "must be money or litres") String balanceUnit,
                  @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like KES") String currency,
                  @DecimalMin("0.0001") @Digits(integer = 8, fraction = 4) BigDecimal topupPricePerLitre,
                  @DecimalMin("0") @Digits(integer = 11, fraction = 3) BigDecimal lowBalanceThreshold) {
    }

    private final TenantGateway gateway;
    private final CurrentTenant current;

    SettingsController(TenantGateway gateway, CurrentTenant current) {
        this.gateway = gateway;
        this.current = current;
    }

    @GetMapping
    View get() {
        return gateway.inTenant(current.require(), SettingsController::load);
    }

    @PutMapping
    @PreAuthorize(Writers.ROLES)
    View change(@Valid @RequestBody Change c, @AuthenticationPrincipal StaffPrincipal who) {
        return gateway.inTenant(current.require(), sql -> {
            View before = load(sql);
            if (c.balanceUnit() != null && !c.balanceUnit().equals(before.balanceUnit()) && sql.sql(
                    "select exists (select 1 from water_credits) or exists (select 1 from water_transactions where debit <> 0)")
                    .query(Boolean.class).single()) {
                throw ApiProblem.conflict("balances already hold " + before.balanceUnit()
                        + "; the balance unit cannot change once customers have credits or dispenses");
            }
            sql.sql("""
                            update water_settings set balance_unit = coalesce(?, balance_unit), currency = coalesce(?, currency),
                                topup_price_per_litre = coalesce(?, topup_price_per_litre),
                                low_balance_threshold = coalesce(?, low_balance_threshold), updated_at = now()""")
                    .params(c.balanceUnit(), c.currency(), c.topupPricePerLitre(), c.lowBalanceThreshold()).update();
            Actor.of(who).audit(sql, "water.settings.changed", null);
            return load(sql);
        });
    }

    private static View load(JdbcClient sql) {
        return sql.sql("select balance_unit, currency, topup_price_per_litre, low_balance_threshold from water_settings")
                .query((rs, n) -> new View(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4)))
                .single();
    }
}
