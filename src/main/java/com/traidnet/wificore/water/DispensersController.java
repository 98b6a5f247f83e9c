package com.traidnet.wificore.water;

import com.traidnet.wificore.identity.StaffPrincipal;
import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.platform.Page;
import com.traidnet.wificore.tenant.CurrentTenant;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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

import java.util.UUID;

/** The tenant's water dispensers. Registration and key rotation answer the secret key once. */
@RestController
@RequestMapping("/api/water/dispensers")
@Tag(name = "Water")
class DispensersController {

    private final Dispensers dispensers;
    private final CurrentTenant current;

    DispensersController(Dispensers dispensers, CurrentTenant current) {
        this.dispensers = dispensers;
        this.current = current;
    }

    @GetMapping
    Page<Dispenser> list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
                         @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (status != null && !status.matches("online|offline|disabled|never_seen")) {
            throw ApiProblem.invalidField("status", "must be online, offline, disabled or never_seen");
        }
        return dispensers.list(current.require(), q, status, Page.request(page, size));
    }

    @GetMapping("/{id}")
    Dispenser get(@PathVariable UUID id) {
        return dispensers.find(current.require(), id).orElseThrow(() -> ApiProblem.notFound("dispenser " + id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Writers.ROLES)
    Dispensers.WithKey register(@Valid @RequestBody DispenserRequest body, @AuthenticationPrincipal StaffPrincipal who) {
        return dispensers.register(current.require(), Actor.of(who), body);
    }

    @PatchMapping("/{id}")
    @PreAuthorize(Writers.ROLES)
    Dispenser change(@PathVariable UUID id, @Valid @RequestBody DispenserRequest body,
                     @AuthenticationPrincipal StaffPrincipal who) {
        return dispensers.change(current.require(), Actor.of(who), id, body);
    }

    @PostMapping("/{id}/disable")
    @PreAuthorize(Writers.ROLES)
    Dispenser disable(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal who) {
        return dispensers.setEnabled(current.require(), Actor.of(who), id, false);
    }

    @PostMapping("/{id}/enable")
    @PreAuthorize(Writers.ROLES)
    Dispenser enable(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal who) {
        return dispensers.setEnabled(current.require(), Actor.of(who), id, true);
    }

    @PostMapping("/{id}/rotate-key")
    @PreAuthorize(Writers.ROLES)
    Dispensers.WithKey rotateKey(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal who) {
        return dispensers.rotateKey(current.require(), Actor.of(who), id);
    }
}
