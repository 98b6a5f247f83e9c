package com.traidnet.wificore.onboarding;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.UUID;

@RestController
@Tag(name = "Onboarding")
class OnboardingController {

    private final Onboarding onboarding;
    private final RegistrationThrottle throttle;

    OnboardingController(Onboarding onboarding, RegistrationThrottle throttle) {
        this.onboarding = onboarding;
        this.throttle = throttle;
    }

    record CreatedTenant(UUID id, String slug, String name, String status, String schema, Instant createdAt,
                         Admin admin) {
        record Admin(UUID id, String email) {
        }

        static CreatedTenant of(Onboarding.Created c) {
            var t = c.tenant();
            return new CreatedTenant(t.id().value(), t.slug(), t.name(), t.status().dbValue(), t.schemaName(),
                    t.createdAt(), new Admin(c.admin().id(), c.admin().email()));
        }
    }

    @PostMapping("/api/register")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Self-service: open a tenant with its first admin (rate-limited per address)")
    CreatedTenant register(@Valid @RequestBody TenantRegistration body,
                           jakarta.servlet.http.HttpServletRequest request) {
        throttle.acquire(request.getRemoteAddr());
        return CreatedTenant.of(onboarding.register(body));
    }

    @PostMapping("/api/platform/tenants")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Platform admin: create a tenant with its first admin")
    CreatedTenant create(@Valid @RequestBody TenantRegistration body) {
        return CreatedTenant.of(onboarding.register(body));
    }
}
