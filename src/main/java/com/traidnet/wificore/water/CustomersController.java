package com.traidnet.wificore.water;

import com.traidnet.wificore.billing.Checkout;
import com.traidnet.wificore.identity.StaffPrincipal;
import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.platform.Page;
import com.traidnet.wificore.tenant.CurrentTenant;
import com.traidnet.wificore.tenant.TenantGateway;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.UUID;

/** The tenant's water customers, their statements, top-ups and token redemption. */
@RestController
@RequestMapping("/api/water/customers")
@Tag(name = "Water")
class CustomersController {

    record CashTopUp(@NotNull @DecimalMin("0.01") @DecimalMax("1000000") @Digits(integer = 7, fraction = 2) BigDecimal amount,
                     @Size(max = 100) String reference) {
    }

    record MpesaTopUp(@NotNull @DecimalMin("1") @DecimalMax("250000") BigDecimal amount, @Size(max = 32) String phone) {
    }

    record Redeem(@NotBlank @Size(max = 32) String code) {
    }

    private final Customers customers;
    private final Statement statement;
    private final Tokens tokens;
    private final TenantGateway gateway;
    private final CurrentTenant current;

    CustomersController(Customers customers, Statement statement, Tokens tokens, TenantGateway gateway,
                        CurrentTenant current) {
        this.customers = customers;
        this.statement = statement;
        this.tokens = tokens;
        this.gateway = gateway;
        this.current = current;
    }

    @GetMapping
    Page<Customer> list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
                        @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return customers.list(current.require(), q, status, Page.request(page, size));
    }

    @GetMapping("/{id}")
    Customer get(@PathVariable UUID id) {
        return customers.find(current.require(), id).orElseThrow(() -> ApiProblem.notFound("water customer " + id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Writers.ROLES)
    Customer create(@Valid @RequestBody CustomerRequest body, @AuthenticationPrincipal StaffPrincipal who) {
        return customers.create(current.require(), Actor.of(who), body);
    }

    @PatchMapping("/{id}")
    @PreAuthorize(Writers.ROLES)
    Customer change(@PathVariable UUID id, @Valid @RequestBody CustomerRequest body,
                    @AuthenticationPrincipal StaffPrincipal who) {
        return customers.change(current.require(), Actor.of(who), id, body);
    }

    @GetMapping("/{id}/statement")
    Page<Statement.Entry> statement(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "50") int size) {
        return statement.of(current.require(), id, Page.request(page, size));
    }

    /** Cash taken by the signed-in staff member. */
    @PostMapping("/{id}/topups")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Writers.ROLES)
    Customers.TopUp cash(@PathVariable UUID id, @Valid @RequestBody CashTopUp body,
                         @AuthenticationPrincipal StaffPrincipal who) {
        return customers.cash(current.require(), Actor.of(who), id, body.amount(), body.reference());
    }

    /** An M-Pesa STK push; the account is credited when the payment settles (watch the payment's status). */
    @PostMapping("/{id}/mpesa-topups")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Writers.ROLES)
    Checkout.Status mpesa(@PathVariable UUID id, @Valid @RequestBody MpesaTopUp body) {
        return customers.mpesa(current.require(), id, body.amount(), body.phone());
    }

    @PostMapping("/{id}/redeem")
    @PreAuthorize(Writers.ROLES)
    Tokens.Redeemed redeem(@PathVariable UUID id, @Valid @RequestBody Redeem body,
                           @AuthenticationPrincipal StaffPrincipal who) {
        return gateway.inTenant(current.require(), sql -> tokens.redeem(sql, body.code(), id, null, who.email()));
    }
}
