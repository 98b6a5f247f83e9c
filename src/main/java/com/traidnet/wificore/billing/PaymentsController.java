package com.traidnet.wificore.billing;

import com.traidnet.wificore.identity.StaffPrincipal;
import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.platform.Page;
import com.traidnet.wificore.tenant.CurrentTenant;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;

/** The current tenant's payments: start an STK push, record cash, read the ledger. */
@RestController
@RequestMapping("/api/payments")
@Tag(name = "Payments")
class PaymentsController {

    private static final Set<String> STATUSES = Set.of("pending", "settled", "failed", "cancelled", "unmatched");

    private final Payments payments;
    private final PaymentLedger ledger;
    private final PaymentReceipts receipts;
    private final CurrentTenant current;

    PaymentsController(Payments payments, PaymentLedger ledger, PaymentReceipts receipts, CurrentTenant current) {
        this.payments = payments;
        this.ledger = ledger;
        this.receipts = receipts;
        this.current = current;
    }

    record NewPayment(String phone,
                      @NotNull @DecimalMin("1") @DecimalMax("999999") @Digits(integer = 6, fraction = 2) BigDecimal amount,
                      @Pattern(regexp = "HOTSPOT_PACKAGE|PPPOE_BILL", message = "must be HOTSPOT_PACKAGE or PPPOE_BILL")
                      String purpose,
                      @NotBlank @Size(max = 64) String reference,
                      @Pattern(regexp = "([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}", message = "must be a MAC address")
                      String mac) {

        Payments.PaymentRequest request() {
            return new Payments.PaymentRequest(phone, amount, purpose == null ? SettledPayment.Purpose.HOTSPOT_PACKAGE
                    : SettledPayment.Purpose.valueOf(purpose), reference, mac);
        }
    }

    @PostMapping("/stk")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('tenant_admin','operator','platform_admin')")
    PaymentView stk(@Valid @RequestBody NewPayment body, @AuthenticationPrincipal StaffPrincipal who) {
        if (body.phone() == null || body.phone().isBlank()) {
            throw ApiProblem.invalidField("phone", "is required for an STK push");
        }
        return payments.requestStk(current.require(), body.request(), who.userId());
    }

    @PostMapping("/cash")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('tenant_admin','operator','platform_admin')")
    PaymentView cash(@Valid @RequestBody NewPayment body, @AuthenticationPrincipal StaffPrincipal who) {
        return payments.recordCash(current.require(), body.request(), who.userId());
    }

    @GetMapping
    Page<PaymentView> list(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
                           @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (status != null && !STATUSES.contains(status)) {
            throw ApiProblem.invalidField("status", "must be one of " + STATUSES);
        }
        if (q != null && q.length() > 100) {
            throw ApiProblem.invalidField("q", "at most 100 characters");
        }
        return ledger.list(current.require(), status, q, Page.request(page, size));
    }

    @GetMapping("/{id}")
    PaymentView get(@PathVariable UUID id) {
        var tenant = current.require();
        return receipts.described(tenant, ledger.find(tenant, id).orElseThrow(() -> ApiProblem.notFound("payment " + id)));
    }

    /** The customer's receipt for a settled payment, print-ready HTML (409 for any other status). */
    @GetMapping(value = "/{id}/receipt", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> receipt(@PathVariable UUID id) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").body(receipts.html(current.require(), id));
    }

}
