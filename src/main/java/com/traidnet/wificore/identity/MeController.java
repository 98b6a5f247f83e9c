package com.traidnet.wificore.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;
import java.util.UUID;

@RestController
@Tag(name = "Authentication")
class MeController {

    record Me(UUID id, String email, UUID tenantId, List<String> roles, Set<String> abilities) {
        static Me of(StaffPrincipal p) {
            return new Me(p.userId(), p.email(), p.tenant() == null ? null : p.tenant().value(),
                    p.roles().stream().map(Role::id).sorted().toList(), p.abilities());
        }
    }

    private final LoginService logins;

    MeController(LoginService logins) {
        this.logins = logins;
    }

    record PasswordChange(@NotBlank String currentPassword, @NotBlank String newPassword) {
    }

    @PutMapping("/api/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change your own password; your other tokens are revoked")
    void changePassword(@AuthenticationPrincipal StaffPrincipal who, @Valid @RequestBody PasswordChange body,
                        HttpServletRequest request) {
        logins.changePassword(who, body.currentPassword(), body.newPassword(), request.getRemoteAddr());
    }

    @GetMapping("/api/me")
    @Operation(summary = "Who you are: e-mail, tenant and roles")
    Me me(@AuthenticationPrincipal StaffPrincipal who) {
        return Me.of(who);
    }
}
