package com.traidnet.wificore.hotspot;

import com.traidnet.wificore.identity.StaffPrincipal;
import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.platform.Page;
import com.traidnet.wificore.tenant.CurrentTenant;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

/** The tenant's packages: what it sells. */
@RestController
@RequestMapping("/api/packages")
@Tag(name = "Hotspot")
class PackagesController {

    private final Packages packages;
    private final CurrentTenant current;

    PackagesController(Packages packages, CurrentTenant current) {
        this.packages = packages;
        this.current = current;
    }

    @GetMapping
    Page<PackageView> list(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
                           @RequestParam(defaultValue = "false") boolean archived,
                           @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return packages.list(current.require(), q, type, archived, Page.request(page, size));
    }

    @GetMapping("/{id}")
    PackageView get(@PathVariable UUID id) {
        return packages.find(current.require(), id).orElseThrow(() -> ApiProblem.notFound("package " + id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Writers.ROLES)
    PackageView create(@Valid @RequestBody PackageRequest body, @AuthenticationPrincipal StaffPrincipal who) {
        return packages.create(current.require(), Actor.of(who), body);
    }

    @PutMapping("/{id}")
    @PreAuthorize(Writers.ROLES)
    PackageView replace(@PathVariable UUID id, @Valid @RequestBody PackageRequest body,
                        @AuthenticationPrincipal StaffPrincipal who) {
        return packages.replace(current.require(), Actor.of(who), id, body);
    }

    /** Deletes an unused package, archives a used one: {@code {"outcome": "deleted" | "archived"}}. */
    @DeleteMapping("/{id}")
    @PreAuthorize(Writers.ROLES)
    Map<String, String> delete(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal who) {
        return Map.of("outcome", packages.remove(current.require(), Actor.of(who), id));
    }
}
