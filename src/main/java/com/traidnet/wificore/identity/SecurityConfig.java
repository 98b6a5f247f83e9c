package com.traidnet.wificore.identity;

import com.traidnet.wificore.platform.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

import java.util.Set;

/**
 * HTTP security rules. Public: health, OpenAPI, registration, login, M-Pesa callbacks and the
 * water device API (signed per request by the water module; CSRF-exempt,
 * like the {@code /sim/daraja} simulator). {@code /api/platform/**}
 * needs {@code platform_admin}; every other {@code /api/**} route needs a signed-in
 * caller. CSRF protection applies to cookie-authenticated changes (the SPA); requests
 * with a bearer token carry no ambient credentials and are exempt.
 */
@Configuration
@EnableMethodSecurity
@ConditionalOnWebApplication // operator commands run without a web server, so without HTTP security
class SecurityConfig {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> CSRF_EXEMPT = Set.of("/api/auth/login", "/api/register");
    // Safaricom's payment callbacks and the built-in Daraja simulator: server-to-server, no cookies
    private static final String[] PAYMENT_CALLBACKS = {"/api/payments/mpesa/callback", "/api/payments/mpesa/c2b/**"};
    // water dispensers sign every request with their own key (the water module checks it); no cookies
    private static final String DEVICE_API = "/api/devices/v1/**";
    private static final String[] SERVER_TO_SERVER = {"/api/payments/mpesa/callback", "/api/payments/mpesa/c2b/**",
            "/sim/daraja/**", DEVICE_API};
    // the captive portal's customers have no session cookie: there is no ambient credential to forge
    private static final java.util.List<String> CSRF_EXEMPT_PREFIXES = java.util.List.of("/api/payments/mpesa/",
            "/sim/daraja/", "/portal/", "/api/devices/v1/");

    /**
     * No Spring Security observations at all. management.observations.enable.spring.security=false
     * only makes them no-ops: Spring Security still wrapped every filter of every chain in an
     * ObservationFilterChainDecorator that created, scoped and stopped one per filter (JFR showed
     * them under every payment callback, bench/billing session 13). With this bean the chains are
     * not decorated at all; the http.server.requests metrics are unaffected.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Safaricom's callbacks, the simulator and the water device API get a chain of their own, checked first: they are
     * public, server-to-server and carry no cookies, so there is no staff to authenticate and no
     * CSRF token to mint and set as a cookie on every answer. That was most of the CPU a callback
     * cost outside the settlement itself (bench/billing).
     */
    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain serverToServer(HttpSecurity http) throws Exception {
        http
                .securityMatcher(SERVER_TO_SERVER)
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .csrf(c -> c.disable())
                .requestCache(r -> r.disable())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .headers(h -> h.contentTypeOptions(c -> {
                }));
        return http.build();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, LoginService logins,
                           io.micrometer.core.instrument.MeterRegistry metrics) throws Exception {
        var csrfHandler = new CsrfTokenRequestAttributeHandler();
        csrfHandler.setCsrfRequestAttributeName(null); // load the token eagerly so the cookie is always set
        http
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(s -> s.requireExplicitAuthenticationStrategy(true))
                // Spring Security creates no sessions (contexts live in the request, CSRF in a cookie, no
                // saved requests); only sign-in does (AuthController.startSession, a fresh id each time).
                // A session creation policy is not set on purpose: it brings a SessionManagementFilter
                // that treats every cookie request as a new sign-in, changes the session id and clears
                // the CSRF cookie, so the SPA's parallel requests got 401.
                .requestCache(r -> r.disable())
                .csrf(c -> c.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(csrfHandler)
                        .requireCsrfProtectionMatcher(SecurityConfig::needsCsrf))
                .addFilterBefore(new StaffAuthenticationFilter(tokens, logins, metrics), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/health", "/health/**", "/actuator/health/**", "/actuator/prometheus",
                                "/api/openapi.json", "/api/openapi.json/**").permitAll()
                        .requestMatchers("/api/register", "/api/auth/login", "/api/auth/session", "/api/auth/csrf")
                        .permitAll()
                        .requestMatchers(PAYMENT_CALLBACKS).permitAll()
                        .requestMatchers(DEVICE_API).permitAll()
                        .requestMatchers("/api/platform/**").hasRole(Role.PLATFORM_ADMIN.id())
                        .requestMatchers("/api/**", "/actuator/**").authenticated()
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> ProblemResponses.write(res,
                                HttpStatus.UNAUTHORIZED, "authentication required: send a bearer token or sign in"))
                        .accessDeniedHandler((req, res, ex) -> ProblemResponses.write(res, HttpStatus.FORBIDDEN,
                                isCsrfFailure(ex) ? "missing or invalid CSRF token (send the XSRF-TOKEN cookie's"
                                        + " value in the X-XSRF-TOKEN header)" : "you are not allowed to do this")))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .anonymous(a -> {
                })
                .headers(h -> h.contentTypeOptions(c -> {
                }));
        return http.build();
    }

    /** No username/password users outside our own login: stops Boot from generating a default user. */
    @Bean
    org.springframework.security.core.userdetails.UserDetailsService noFormLoginUsers() {
        return username -> {
            throw new org.springframework.security.core.userdetails.UsernameNotFoundException(username);
        };
    }

    private static boolean needsCsrf(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod()) || CSRF_EXEMPT.contains(request.getRequestURI())
                || CSRF_EXEMPT_PREFIXES.stream().anyMatch(request.getRequestURI()::startsWith)) {
            return false;
        }
        String auth = request.getHeader("Authorization");
        return auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    private static boolean isCsrfFailure(Exception e) {
        return e instanceof org.springframework.security.web.csrf.CsrfException;
    }
}
