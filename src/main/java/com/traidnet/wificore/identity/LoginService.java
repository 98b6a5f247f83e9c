package com.traidnet.wificore.identity;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.stereotype.Service;

import java.sql.Array;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** Checks e-mail and password (rate-limited) and loads principals for sessions. */
@Service
class LoginService {

    private record Account(UUID id, TenantId tenant, String email, String passwordHash, Set<Role> roles,
                           String status, String tenantStatus) {
    }

    private final TenantGateway gateway;
    private final PasswordHashing passwords;
    private final LoginThrottle throttle;

    LoginService(TenantGateway gateway, PasswordHashing passwords, LoginThrottle throttle) {
        this.gateway = gateway;
        this.passwords = passwords;
        this.throttle = throttle;
    }

    StaffPrincipal login(String email, String password, String clientAddress) {
        throttle.check(email, clientAddress);
        Account account = find(email);
        if (!passwords.matches(password, account == null ? null : account.passwordHash())) {
            throttle.failed(email, clientAddress);
            throw ApiProblem.unauthorized("invalid e-mail or password");
        }
        if (!"active".equals(account.status())) {
            throw ApiProblem.forbidden("this account is disabled");
        }
        if (account.tenantStatus() != null && !"active".equals(account.tenantStatus())) {
            throw ApiProblem.forbidden("this tenant is suspended; contact the platform operator");
        }
        throttle.succeeded(email);
        gateway.inPlatform(sql -> sql.sql("update staff_users set last_login_at = now() where id = ?")
                .param(account.id()).update());
        return new StaffPrincipal(account.id(), account.tenant(), account.email(), account.roles(), Set.of("*"), null);
    }

    /**
     * Changes the caller's own password after checking the current one (throttled like a
     * login), and revokes every other token of the caller.
     */
    void changePassword(StaffPrincipal who, String current, String next, String clientAddress) {
        throttle.check(who.email(), clientAddress);
        Account account = find(who.email());
        if (account == null || !passwords.matches(current, account.passwordHash())) {
            throttle.failed(who.email(), clientAddress);
            throw ApiProblem.invalidField("currentPassword", "is not correct");
        }
        String hash = passwords.hash(next, "newPassword");
        gateway.inPlatform(sql -> {
            sql.sql("update staff_users set password_hash = ?, updated_at = now() where id = ?")
                    .params(hash, who.userId()).update();
            return sql.sql("update api_tokens set revoked_at = now()"
                            + " where user_id = ? and revoked_at is null and id is distinct from ?")
                    .params(who.userId(), who.tokenId()).update();
        });
    }

    /** Reloads a session's user; empty if the user or its tenant is no longer active. */
    java.util.Optional<StaffPrincipal> sessionUser(UUID userId) {
        return gateway.inPlatform(sql -> sql.sql(select() + " where u.id = ?").param(userId)
                        .query(LoginService::account).optional())
                .filter(a -> "active".equals(a.status())
                        && (a.tenantStatus() == null || "active".equals(a.tenantStatus())))
                .map(a -> new StaffPrincipal(a.id(), a.tenant(), a.email(), a.roles(), Set.of("*"), null));
    }

    private Account find(String email) {
        if (email == null || email.length() > 254) {
            return null;
        }
        return gateway.inPlatform(sql -> sql.sql(select() + " where lower(u.email) = lower(?)")
                .param(email.trim()).query(LoginService::account).optional().orElse(null));
    }

    private static String select() {
        return """
                select u.id, u.tenant_id, u.email, u.password_hash, u.roles, u.status, t.status as tenant_status
                from staff_users u left join tenants t on t.id = u.tenant_id""";
    }

    private static Account account(java.sql.ResultSet rs, int n) throws SQLException {
        UUID tenant = rs.getObject("tenant_id", UUID.class);
        return new Account(rs.getObject("id", UUID.class), tenant == null ? null : new TenantId(tenant),
                rs.getString("email"), rs.getString("password_hash"), roleSet(rs.getArray("roles")),
                rs.getString("status"), rs.getString("tenant_status"));
    }

    static Set<Role> roleSet(Array array) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String id : (String[]) array.getArray()) {
            roles.add(Role.of(id));
        }
        return roles;
    }
}
