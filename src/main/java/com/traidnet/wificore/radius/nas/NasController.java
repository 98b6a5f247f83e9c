package com.traidnet.wificore.radius.nas;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.platform.Page;
import com.traidnet.wificore.tenant.CurrentTenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The current tenant's NAS (routers allowed to send RADIUS). Staff read; admins and operators change. */
@RestController
@RequestMapping("/api/nas")
@Tag(name = "NAS clients")
class NasController {

    private static final String WRITERS = "hasAnyRole('tenant_admin','operator','platform_admin')";
    private static final int MAX_SECRET_BYTES = 128;

    private final NasRegistry registry;
    private final CurrentTenant current;

    NasController(NasRegistry registry, CurrentTenant current) {
        this.registry = registry;
        this.current = current;
    }

    /** A NAS to create, or (PUT) the whole new state of one; a missing {@code secret} on PUT keeps it. */
    record NasRequest(
            @NotBlank @Size(max = 64) String name,
            @NotBlank String address,
            String secret,
            @Pattern(regexp = "mikrotik|chillispot|cisco|ubiquiti|pfsense|other",
                    message = "must be one of mikrotik, chillispot, cisco, ubiquiti, pfsense, other") String type,
            @Min(1) @Max(65535) Integer coaPort,
            Boolean requireMessageAuthenticator,
            @Size(max = 500) String description) {

        NasSpec toSpec(boolean secretRequired) {
            NasAddress parsed;
            try {
                parsed = NasAddress.parse(address);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalidField("address", e.getMessage());
            }
            return new NasSpec(name.trim(), parsed, secret(secretRequired), type == null ? "mikrotik" : type,
                    coaPort == null ? 3799 : coaPort, requireMessageAuthenticator == null || requireMessageAuthenticator,
                    description);
        }

        private byte[] secret(boolean required) {
            if (secret == null) {
                if (required) {
                    throw ApiProblem.invalidField("secret", "is required");
                }
                return null;
            }
            byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 1 || bytes.length > MAX_SECRET_BYTES) {
                throw ApiProblem.invalidField("secret", "must be 1-" + MAX_SECRET_BYTES + " bytes (UTF-8)");
            }
            return bytes;
        }
    }

    record SecretView(String secret) {
    }

    @GetMapping
    @Operation(summary = "List NAS, filtered by name or address")
    Page<NasView> list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                       @RequestParam(defaultValue = "50") int size) {
        return registry.list(current.require(), q, Page.request(page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One NAS (without its secret)")
    NasView get(@PathVariable UUID id) {
        return registry.find(current.require(), id).orElseThrow(() -> ApiProblem.notFound("NAS " + id));
    }

    @GetMapping("/{id}/secret")
    @PreAuthorize("hasAnyRole('tenant_admin','platform_admin')")
    @Operation(summary = "The NAS's shared secret (tenant admins only)")
    SecretView secret(@PathVariable UUID id) {
        return new SecretView(registry.secret(current.require(), id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(WRITERS)
    @Operation(summary = "Register a NAS")
    NasView create(@Valid @RequestBody NasRequest body) {
        return registry.create(current.require(), body.toSpec(true));
    }

    @PutMapping("/{id}")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Replace a NAS; without 'secret' the secret is kept")
    NasView update(@PathVariable UUID id, @Valid @RequestBody NasRequest body) {
        return registry.update(current.require(), id, body.toSpec(false));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(WRITERS)
    @Operation(summary = "Remove a NAS")
    void delete(@PathVariable UUID id) {
        registry.delete(current.require(), id);
    }
}
