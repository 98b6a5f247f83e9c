package com.traidnet.wificore.identity;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.platform.Page;
import com.traidnet.wificore.platform.SqlText;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Staff users: creating them (also for a tenant being created), listing and changing them. */
@Service
public class StaffAccounts {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    static final RowMapper<StaffView> ROW = (rs, n) -> new StaffView(
            rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class), rs.getString("email"),
            rs.getString("name"), roles(rs.getArray("roles")), rs.getString("status"),
            rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("last_login_at")));

    private final TenantGateway gateway;
    private final PasswordHashing passwords;

    StaffAccounts(TenantGateway gateway, PasswordHashing passwords) {
        this.gateway = gateway;
        this.passwords = passwords;
    }

    /** Validates and hashes outside any transaction (hashing is deliberately slow). */
    public NewStaff prepare(String email, String password, String name, Set<Role> roles,
                            String emailField, String passwordField) {
        return new NewStaff(normalizeEmail(email, emailField), name, passwords.hash(password, passwordField), roles);
    }

    /**
     * Adds the first staff user of a tenant that is being created. Must run inside the
     * platform-scope transaction that activates the tenant.
     */
    public StaffView addToNewTenant(TenantId tenant, NewStaff staff) {
        return gateway.inPlatform(sql -> insert(sql, tenant, staff));
    }

    StaffView add(TenantId tenant, NewStaff staff) {
        if (staff.roles().contains(Role.PLATFORM_ADMIN)) {
            throw ApiProblem.invalidField("roles", "platform_admin cannot be granted to tenant staff");
        }
        return gateway.inTenant(tenant, sql -> insert(sql, tenant, staff));
    }

    /** Creates a platform admin (no tenant). */
    StaffView addPlatformAdmin(NewStaff staff) {
        return gateway.inPlatform(sql -> insert(sql, null, staff));
    }

    private static StaffView insert(JdbcClient sql, TenantId tenant, NewStaff staff) {
        UUID id = UUID.randomUUID();
        try {
            sql.sql("""
                            insert into staff_users (id, tenant_id, email, name, password_hash, roles)
                            values (?, ?, ?, ?, ?, ?::text[])""")
                    .params(id, tenant == null ? null : tenant.value(), staff.email(), staff.name(),
                            staff.passwordHash(), toArrayLiteral(staff.roles()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflictOn("email", "an account with e-mail " + staff.email() + " already exists");
        }
        return sql.sql("select * from staff_users where id = ?").param(id).query(ROW).single();
    }

    Page<StaffView> list(TenantId tenant, String query, Page.Request page) {
        String like = SqlText.containsPattern(query);
        return page.of(gateway.inTenant(tenant, sql -> sql.sql("""
                        select * from staff_users where tenant_id = :tenant
                          and (lower(email) like :q or lower(coalesce(name, '')) like :q)
                        order by email offset :offset limit :limit""")
                .param("tenant", tenant.value()).param("q", like)
                .param("offset", page.offset()).param("limit", page.limit())
                .query(ROW).list()));
    }

    Optional<StaffView> find(TenantId tenant, UUID id) {
        return gateway.inTenant(tenant, sql -> sql.sql("select * from staff_users where id = ? and tenant_id = ?")
                .params(id, tenant.value()).query(ROW).optional());
    }

    /** Applies the non-null parts of a change; a new password or a disable revokes all tokens. */
    StaffView change(TenantId tenant, UUID id, String name, Set<Role> roles, String status, String passwordHash) {
        if (roles != null && roles.contains(Role.PLATFORM_ADMIN)) {
            throw ApiProblem.invalidField("roles", "platform_admin cannot be granted to tenant staff");
        }
        return gateway.inTenant(tenant, sql -> {
            int changed = sql.sql("""
                            update staff_users set name = coalesce(?, name), roles = coalesce(?::text[], roles),
                              status = coalesce(?, status), password_hash = coalesce(?, password_hash),
                              updated_at = now()
                            where id = ? and tenant_id = ?""")
                    .params(name, roles == null ? null : toArrayLiteral(roles), status, passwordHash,
                            id, tenant.value())
                    .update();
            if (changed == 0) {
                throw ApiProblem.notFound("staff user " + id);
            }
            if (passwordHash != null || "disabled".equals(status)) {
                sql.sql("update api_tokens set revoked_at = now() where user_id = ? and revoked_at is null")
                        .param(id).update();
            }
            return sql.sql("select * from staff_users where id = ?").param(id).query(ROW).single();
        });
    }

    void remove(TenantId tenant, UUID id) {
        int removed = gateway.inTenant(tenant, sql -> sql.sql("delete from staff_users where id = ? and tenant_id = ?")
                .params(id, tenant.value()).update());
        if (removed == 0) {
            throw ApiProblem.notFound("staff user " + id);
        }
    }

    static String normalizeEmail(String email, String field) {
        String trimmed = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (trimmed.length() > 254 || !EMAIL.matcher(trimmed).matches()) {
            throw ApiProblem.invalidField(field, "must be a valid e-mail address");
        }
        return trimmed;
    }

    static String toArrayLiteral(Set<Role> roles) {
        return "{" + String.join(",", roles.stream().map(Role::id).sorted().toList()) + "}";
    }

    static List<String> roles(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).toList();
    }

    /** Nullable timestamp column to Instant. */
    static java.time.Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
