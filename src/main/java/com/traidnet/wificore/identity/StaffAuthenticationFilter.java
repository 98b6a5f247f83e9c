package com.traidnet.wificore.identity;

import com.traidnet.wificore.platform.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;
import java.util.UUID;

/**
 * Authenticates each request from either a {@code Authorization: Bearer} personal access
 * token or the SPA's session cookie. Both are checked against the database on every
 * request, so revoking a token, disabling a user or suspending a tenant takes effect at
 * once. A presented but invalid token is a 401, never a silent fallback to anonymous.
 */
class StaffAuthenticationFilter extends OncePerRequestFilter {

    static final String SESSION_USER = "wificore.staff.user";
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final ApiTokens tokens;
    private final LoginService logins;
    private final io.micrometer.core.instrument.MeterRegistry metrics;

    StaffAuthenticationFilter(ApiTokens tokens, LoginService logins, io.micrometer.core.instrument.MeterRegistry metrics) {
        this.tokens = tokens;
        this.logins = logins;
        this.metrics = metrics;
    }

    /** Giving up a credential is always allowed, even with a read-only token. */
    private static boolean signsOut(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals("/api/auth/logout")
                || ("DELETE".equals(request.getMethod()) && path.startsWith("/api/auth/tokens/"));
    }

    /** The built-in Daraja simulator's bearer tokens are its own OAuth tokens, not staff tokens. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/sim/daraja/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        StaffPrincipal principal = null;
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            principal = tokens.authenticate(header.substring(7).trim()).orElse(null);
            if (principal == null) {
                ProblemResponses.write(response, HttpStatus.UNAUTHORIZED,
                        "the bearer token is invalid, expired or revoked");
                return;
            }
            if (!principal.mayWrite() && !READ_METHODS.contains(request.getMethod()) && !signsOut(request)) {
                ProblemResponses.write(response, HttpStatus.FORBIDDEN, "this token is read-only");
                return;
            }
        } else {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(SESSION_USER) instanceof UUID userId) {
                principal = logins.sessionUser(userId).orElse(null);
                if (principal == null) {
                    session.invalidate();
                }
            }
        }
        if (principal != null) {
            var authorities = principal.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
            SecurityContextHolder.setContext(context);
            // per-tenant API usage; tagged by tenant id (bounded by the number of tenants)
            metrics.counter("wificore.api.requests", "tenant",
                    principal.tenant() == null ? "platform" : principal.tenant().toString()).increment();
        }
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
