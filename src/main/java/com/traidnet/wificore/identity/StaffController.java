package com.traidnet.wificore.identity;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.platform.Page;
import com.traidnet.wificore.tenant.CurrentTenant;
import com.traidnet.wificore.tenant.TenantId;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** A tenant's staff users, managed by its tenant admins (or a platform admin naming the tenant). */
@RestController
@RequestMapping("/api/staff")
@Tag(name = "Staff")
class StaffController {

    private final StaffAccounts staff;
    private final CurrentTenant current;
    private final PasswordHashing passwords;

    StaffController(StaffAccounts staff, CurrentTenant current, PasswordHashing passwords) {
        this.staff = staff;
        this.current = current;
        this.passwords = passwords;
    }

    record NewStaffRequest(@NotBlank String email, @Size(max = 120) String name, @NotBlank String password,
                           @NotEmpty Set<String> roles) {
    }

    record StaffChange(@Size(max = 120) String name, Set<String> roles,
                       @Pattern(regexp = "active|disabled", message = "must be active or disabled") String status,
                       String password) {
    }

    @GetMapping
    Page<StaffView> list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "50") int size) {
        return staff.list(current.require(), q, Page.request(page, size));
    }

    @GetMapping("/{id}")
    StaffView get(@PathVariable UUID id) {
        return staff.find(current.require(), id).orElseThrow(() -> ApiProblem.notFound("staff user " + id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('tenant_admin','platform_admin')")
    StaffView create(@Valid @RequestBody NewStaffRequest body) {
        TenantId tenant = current.require();
        return staff.add(tenant, staff.prepare(body.email(), body.password(), body.name(), roles(body.roles()),
                "email", "password"));
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasAnyRole('tenant_admin','platform_admin')")
    StaffView change(@PathVariable UUID id, @Valid @RequestBody StaffChange body,
                     @AuthenticationPrincipal StaffPrincipal who) {
        if (id.equals(who.userId()) && ("disabled".equals(body.status()) || body.roles() != null)) {
            throw ApiProblem.forbidden("you cannot disable yourself or change your own roles");
        }
        String hash = body.password() == null ? null : passwords.hash(body.password(), "password");
        return staff.change(current.require(), id, body.name(), body.roles() == null ? null : roles(body.roles()),
                body.status(), hash);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('tenant_admin','platform_admin')")
    void delete(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal who) {
        if (id.equals(who.userId())) {
            throw ApiProblem.forbidden("you cannot delete yourself");
        }
        staff.remove(current.require(), id);
    }

    private static Set<Role> roles(Set<String> ids) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        ids.forEach(id -> roles.add(Role.of(id)));
        if (roles.isEmpty()) {
            throw ApiProblem.invalidField("roles", "at least one role is required");
        }
        return roles;
    }
}
