package com.traidnet.wificore.hotspot;

import com.traidnet.wificore.identity.StaffPrincipal;
import com.traidnet.wificore.platform.Page;
import com.traidnet.wificore.tenant.CurrentTenant;
import com.traidnet.wificore.tenant.TenantGateway;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.UUID;

/** Voucher batches and redemption (staff for now; the captive portal will call the same service). */
@RestController
@RequestMapping("/api/vouchers")
@Tag(name = "Hotspot")
class VouchersController {

    record Redeem(@NotBlank @Size(max = 64) String code, @NotBlank @Size(max = 32) String phone,
                  @Size(max = 32) String macAddress) {
    }

    private final Vouchers vouchers;
    private final VoucherRedemption redemption;
    private final TenantGateway gateway;
    private final CurrentTenant current;

    VouchersController(Vouchers vouchers, VoucherRedemption redemption, TenantGateway gateway, CurrentTenant current) {
        this.vouchers = vouchers;
        this.redemption = redemption;
        this.gateway = gateway;
        this.current = current;
    }

    @PostMapping("/batches")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Writers.ROLES)
    VoucherBatch generate(@Valid @RequestBody Vouchers.NewBatch body, @AuthenticationPrincipal StaffPrincipal who) {
        return vouchers.generate(current.require(), Actor.of(who), body);
    }

    @GetMapping("/batches")
    Page<VoucherBatch> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return vouchers.list(current.require(), Page.request(page, size));
    }

    @GetMapping("/batches/{id}")
    VoucherBatch get(@PathVariable UUID id) {
        return vouchers.find(current.require(), id);
    }

    /** A page of the batch's codes; {@code q} finds a code or the phone that redeemed it. */
    @GetMapping("/batches/{id}/codes")
    Page<Vouchers.Code> codes(@PathVariable UUID id, @RequestParam(required = false) String q,
                              @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "50") int size) {
        return vouchers.codes(current.require(), id, q, Page.request(page, size));
    }

    @PostMapping("/batches/{id}/enable")
    @PreAuthorize(Writers.ROLES)
    VoucherBatch enable(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal who) {
        return vouchers.setStatus(current.require(), Actor.of(who), id, "enabled");
    }

    @PostMapping("/batches/{id}/disable")
    @PreAuthorize(Writers.ROLES)
    VoucherBatch disable(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal who) {
        return vouchers.setStatus(current.require(), Actor.of(who), id, "disabled");
    }

    @DeleteMapping("/batches/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Writers.ROLES)
    void delete(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal who) {
        vouchers.delete(current.require(), Actor.of(who), id);
    }

    @GetMapping(value = "/batches/{id}/export.csv", produces = "text/csv")
    ResponseEntity<String> export(@PathVariable UUID id) {
        var tenant = current.require();
        VoucherBatch batch = vouchers.find(tenant, id);
        StringBuilder out = new StringBuilder(Csv.line(Arrays.asList("code", "package", "price", "currency",
                "validity", "expires_at", "redeemed_at", "redeemed_phone")));
        vouchers.codes(tenant, id).forEach(c -> out.append(Csv.line(Arrays.asList(c.code(), batch.packageName(),
                batch.price().toPlainString(), batch.currency(), batch.validity(),
                batch.expiresAt() == null ? null : batch.expiresAt().toString(),
                c.redeemedAt() == null ? null : c.redeemedAt().toString(), c.redeemedPhone()))));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"vouchers-" + id + ".csv\"")
                .body(out.toString());
    }

    @GetMapping(value = "/batches/{id}/sheet", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> sheet(@PathVariable UUID id) {
        var tenant = current.require();
        VoucherBatch batch = vouchers.find(tenant, id);
        String brand = gateway.inTenant(tenant, sql -> sql.sql("select display_name from branding where display_name is not null")
                .query(String.class).optional().orElse(null));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/html; charset=utf-8"))
                .body(VoucherSheet.render(brand == null ? "WiFi voucher" : brand, batch, vouchers.codes(tenant, id)));
    }

    /** Answers the username, the password (only for a new subscriber), the new expiry and the package. */
    @PostMapping("/redeem")
    @PreAuthorize(Writers.ROLES)
    VoucherRedemption.Redeemed redeem(@Valid @RequestBody Redeem body) {
        return redemption.redeem(current.require(), body.code(), body.phone(), body.macAddress());
    }
}
