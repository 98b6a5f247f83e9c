package com.traidnet.wificore.identity;

import com.traidnet.wificore.platform.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Sign-in for API clients (a personal access token) and for the SPA (a session cookie),
 * sign-out, and managing one's own tokens.
 */
@RestController
@RequestMapping("/api/auth")
@Tag(name = "Authentication")
class AuthController {

    private final LoginService logins;
    private final ApiTokens tokens;
    private final IdentitySettings settings;

    AuthController(LoginService logins, ApiTokens tokens, IdentitySettings settings) {
        this.logins = logins;
        this.tokens = tokens;
        this.settings = settings;
    }

    record Credentials(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 200) String password,
                       @Size(max = 100) String tokenName) {
    }

    record TokenRequest(@NotBlank @Size(max = 100) String name, Set<String> abilities,
                        @Min(1) @Max(525_600) Integer expiresInMinutes) {
    }

    record TokenResponse(String token, UUID tokenId, Set<String> abilities, Instant expiresAt) {
        static TokenResponse of(ApiTokens.Issued issued) {
            return new TokenResponse(issued.token(), issued.id(), issued.abilities(), issued.expiresAt());
        }
    }

    @PostMapping("/login")
    @Operation(summary = "Sign in with e-mail and password; returns a personal access token for Authorization: Bearer")
    TokenResponse login(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
        StaffPrincipal who = logins.login(credentials.email(), credentials.password(), request.getRemoteAddr());
        String name = credentials.tokenName() == null ? "login " + request.getRemoteAddr() : credentials.tokenName();
        return TokenResponse.of(tokens.issue(who.userId(), who.tenant(), name, Set.of("*"),
                settings.loginTokenLifetime()));
    }

    @GetMapping("/csrf")
    @Operation(summary = "The CSRF token for cookie sessions (also set as the XSRF-TOKEN cookie)")
    Map<String, String> csrf(CsrfToken token) {
        return Map.of("headerName", token.getHeaderName(), "token", token.getToken());
    }

    @PostMapping("/session")
    @Operation(summary = "SPA sign-in: sets an HttpOnly session cookie (needs the X-XSRF-TOKEN header)")
    MeController.Me startSession(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
        StaffPrincipal who = logins.login(credentials.email(), credentials.password(), request.getRemoteAddr());
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate(); // no session fixation: always a fresh session id after sign-in
        }
        request.getSession(true).setAttribute(StaffAuthenticationFilter.SESSION_USER, who.userId());
        return MeController.Me.of(who);
    }

    @DeleteMapping("/session")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void endSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Sign out: revokes the bearer token used, or ends the session")
    void logout(@AuthenticationPrincipal StaffPrincipal who, HttpServletRequest request) {
        if (who.tokenId() != null) {
            tokens.revoke(who.userId(), who.tokenId());
        }
        endSession(request);
    }

    @GetMapping("/tokens")
    List<ApiTokens.TokenView> listTokens(@AuthenticationPrincipal StaffPrincipal who) {
        return tokens.list(who);
    }

    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create another personal access token (e.g. read-only for a dashboard)")
    TokenResponse createToken(@AuthenticationPrincipal StaffPrincipal who, @Valid @RequestBody TokenRequest body) {
        Set<String> abilities = body.abilities() == null ? Set.of("*") : body.abilities();
        if (!who.abilities().contains("*") && !abilities.equals(Set.of("read"))) {
            throw ApiProblem.forbidden("a limited token can only create read-only tokens");
        }
        Duration lifetime = body.expiresInMinutes() == null ? null : Duration.ofMinutes(body.expiresInMinutes());
        return TokenResponse.of(tokens.issue(who.userId(), who.tenant(), body.name(), abilities, lifetime));
    }

    @DeleteMapping("/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeToken(@AuthenticationPrincipal StaffPrincipal who, @PathVariable UUID id) {
        if (!tokens.revoke(who.userId(), id)) {
            throw ApiProblem.notFound("token " + id);
        }
    }
}
