package com.traidnet.wificore.water;

import com.traidnet.wificore.platform.CsvDownload;
import com.traidnet.wificore.identity.StaffPrincipal;
import com.traidnet.wificore.platform.Page;
import com.traidnet.wificore.tenant.CurrentTenant;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
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

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Water token batches: generation, listing, the codes (JSON and CSV), enable/disable. */
@RestController
@RequestMapping("/api/water/tokens/batches")
@Tag(name = "Water")
class TokensController {

    private final Tokens tokens;
    private final CurrentTenant current;

    TokensController(Tokens tokens, CurrentTenant current) {
        this.tokens = tokens;
        this.current = current;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Writers.ROLES)
    Tokens.Batch generate(@Valid @RequestBody Tokens.NewBatch body, @AuthenticationPrincipal StaffPrincipal who) {
        return tokens.generate(current.require(), Actor.of(who), body);
    }

    @GetMapping
    Page<Tokens.Batch> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return tokens.list(current.require(), Page.request(page, size));
    }

    @GetMapping("/{id}")
    Tokens.Batch get(@PathVariable UUID id) {
        return tokens.find(current.require(), id);
    }

    @GetMapping("/{id}/codes")
    Page<Tokens.Code> codes(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "50") int size) {
        return tokens.codes(current.require(), id, Page.request(page, size));
    }

    @GetMapping(value = "/{id}.csv", produces = "text/csv")
    ResponseEntity<String> csv(@PathVariable UUID id) {
        var tenant = current.require();
        Tokens.Batch batch = tokens.find(tenant, id);
        return CsvDownload.of("water-tokens-" + id + ".csv", List.of("code", "value", "unit", "expires_at", "status",
                        "redeemed_at", "customer_id"), tokens.codes(tenant, id),
                c -> Arrays.asList(c.code(), batch.value(), batch.valueUnit(), batch.expiresAt(), batch.status(),
                        c.redeemedAt(), c.customerId()));
    }

    @PostMapping("/{id}/disable")
    @PreAuthorize(Writers.ROLES)
    Tokens.Batch disable(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal who) {
        return tokens.setStatus(current.require(), Actor.of(who), id, "disabled");
    }

    @PostMapping("/{id}/enable")
    @PreAuthorize(Writers.ROLES)
    Tokens.Batch enable(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal who) {
        return tokens.setStatus(current.require(), Actor.of(who), id, "enabled");
    }
}
