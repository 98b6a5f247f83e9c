package com.traidnet.wificore.identity;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Personal access tokens. The plaintext ({@code wct_} + 43 random base62-ish chars, 256
 * bits) is shown once; only its SHA-256 is stored, so a leaked database does not leak
 * usable tokens. Lookup is by that hash: timing can only reveal hash prefixes of a 256-bit
 * secret, which is useless to an attacker, so no separate constant-time compare is needed.
 * A token is valid while not revoked, not expired, its user is active and
 * its tenant is active.
 */
@Component
class ApiTokens {

    static final Set<String> ABILITIES = Set.of("*", "read", "write");
    private static final String PREFIX = "wct_";
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final SecureRandom random = new SecureRandom();
    private final TenantGateway gateway;
    private final Clock clock;

    ApiTokens(TenantGateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    record Issued(UUID id, String token, String name, Set<String> abilities, Instant expiresAt) {
    }

    record TokenView(UUID id, String name, Set<String> abilities, Instant createdAt, Instant expiresAt,
                     Instant lastUsedAt, boolean current) {
    }

    Issued issue(UUID userId, TenantId tenant, String name, Set<String> abilities, Duration lifetime) {
        if (abilities.isEmpty() || !ABILITIES.containsAll(abilities)) {
            throw ApiProblem.invalidField("abilities", "must be a non-empty subset of " + ABILITIES);
        }
        String token = PREFIX + randomText(43);
        UUID id = UUID.randomUUID();
        Instant expires = lifetime == null ? null : clock.instant().plus(lifetime);
        gateway.inPlatform(sql -> sql.sql("""
                        insert into api_tokens (id, user_id, tenant_id, name, token_hash, abilities, created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?::text[], ?, ?)""")
                .params(id, userId, tenant == null ? null : tenant.value(), name, digest(token),
                        "{" + String.join(",", abilities) + "}", Timestamp.from(clock.instant()),
                        expires == null ? null : Timestamp.from(expires))
                .update());
        return new Issued(id, token, name, abilities, expires);
    }

    /** Resolves a presented token to its user, or empty when it is unknown or no longer valid. */
    Optional<StaffPrincipal> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        byte[] presented = digest(token);
        Timestamp now = Timestamp.from(clock.instant());
        return gateway.inPlatform(sql -> sql.sql("""
                        select t.id as token_id, t.abilities, t.last_used_at,
                               u.id as user_id, u.tenant_id, u.email, u.roles
                        from api_tokens t
                        join staff_users u on u.id = t.user_id and u.status = 'active'
                        left join tenants tn on tn.id = u.tenant_id
                        where t.token_hash = ? and t.revoked_at is null
                          and (t.expires_at is null or t.expires_at > ?)
                          and (u.tenant_id is null or tn.status = 'active')""")
                .params(presented, now)
                .query((rs, n) -> {
                    UUID tokenId = rs.getObject("token_id", UUID.class);
                    Timestamp lastUsed = rs.getTimestamp("last_used_at");
                    if (lastUsed == null || lastUsed.toInstant().plus(TOUCH_INTERVAL).isBefore(now.toInstant())) {
                        sql.sql("update api_tokens set last_used_at = ? where id = ?").params(now, tokenId).update();
                    }
                    UUID tenant = rs.getObject("tenant_id", UUID.class);
                    return new StaffPrincipal(rs.getObject("user_id", UUID.class),
                            tenant == null ? null : new TenantId(tenant), rs.getString("email"),
                            LoginService.roleSet(rs.getArray("roles")),
                            Set.of((String[]) rs.getArray("abilities").getArray()), tokenId);
                })
                .optional());
    }

    List<TokenView> list(StaffPrincipal owner) {
        return gateway.inPlatform(sql -> sql.sql("""
                        select id, name, abilities, created_at, expires_at, last_used_at from api_tokens
                        where user_id = ? and revoked_at is null and (expires_at is null or expires_at > now())
                        order by created_at desc""")
                .param(owner.userId())
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new TokenView(id, rs.getString("name"),
                            new HashSet<>(List.of((String[]) rs.getArray("abilities").getArray())),
                            rs.getTimestamp("created_at").toInstant(), StaffAccounts.instant(rs.getTimestamp("expires_at")),
                            StaffAccounts.instant(rs.getTimestamp("last_used_at")), id.equals(owner.tokenId()));
                })
                .list());
    }

    /** Revokes one of the owner's tokens; false when the owner has no such token. */
    boolean revoke(UUID ownerId, UUID tokenId) {
        return gateway.inPlatform(sql -> sql.sql(
                        "update api_tokens set revoked_at = now() where id = ? and user_id = ? and revoked_at is null")
                .params(tokenId, ownerId).update()) == 1;
    }

    private String randomText(int length) {
        var out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return out.toString();
    }

    static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
