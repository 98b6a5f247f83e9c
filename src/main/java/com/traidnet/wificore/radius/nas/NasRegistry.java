package com.traidnet.wificore.radius.nas;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.platform.Page;
import com.traidnet.wificore.platform.SecretBox;
import com.traidnet.wificore.platform.SqlText;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A tenant's NAS registry in {@code public.nas_clients} (row-level security keeps tenants
 * apart; every statement also names the tenant). Secrets are sealed with {@link SecretBox}
 * before they reach SQL. Every change makes the {@link NasDirectory} of every node reload,
 * through the table's {@code wificore_nas} trigger; this node's is nudged directly too.
 */
@Service
class NasRegistry {

    private static final String COLUMNS = """
            id, name, address::text as address, type, coa_port, require_message_authenticator, description,
            created_at, updated_at""";
    private static final RowMapper<NasView> ROW = (rs, n) -> new NasView(rs.getObject("id", UUID.class),
            rs.getString("name"), NasAddress.parse(rs.getString("address")).text(), rs.getString("type"),
            rs.getInt("coa_port"), rs.getBoolean("require_message_authenticator"), rs.getString("description"),
            true, rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());

    private final TenantGateway gateway;
    private final SecretBox secrets;
    private final NasDirectory directory;

    NasRegistry(TenantGateway gateway, SecretBox secrets, NasDirectory directory) {
        this.gateway = gateway;
        this.secrets = secrets;
        this.directory = directory;
    }

    NasView create(TenantId tenant, NasSpec nas) {
        UUID id = UUID.randomUUID();
        byte[] sealed = secrets.seal(nas.secret());
        return changed(nas, () -> gateway.inTenant(tenant, sql -> {
            sql.sql("""
                            insert into nas_clients (id, tenant_id, name, address, secret_ciphertext, type, coa_port,
                                                     require_message_authenticator, description)
                            values (?, ?, ?, ?::cidr, ?, ?, ?, ?, ?)""")
                    .params(id, tenant.value(), nas.name(), nas.address().cidr(), sealed, nas.type(), nas.coaPort(),
                            nas.requireMessageAuthenticator(), nas.description())
                    .update();
            return sql.sql("select " + COLUMNS + " from nas_clients where id = ?").param(id).query(ROW).single();
        }));
    }

    Page<NasView> list(TenantId tenant, String query, Page.Request page) {
        return page.of(gateway.inTenant(tenant, sql -> sql.sql("select " + COLUMNS + """
                         from nas_clients where tenant_id = :tenant
                          and (lower(name) like :q or address::text like :q)
                        order by lower(name), id offset :offset limit :limit""")
                .param("tenant", tenant.value()).param("q", SqlText.containsPattern(query))
                .param("offset", page.offset()).param("limit", page.limit())
                .query(ROW).list()));
    }

    Optional<NasView> find(TenantId tenant, UUID id) {
        return gateway.inTenant(tenant, sql -> sql.sql("select " + COLUMNS
                        + " from nas_clients where id = ? and tenant_id = ?")
                .params(id, tenant.value()).query(ROW).optional());
    }

    /** Replaces everything but the secret, which changes only when {@code nas.secret()} is given. */
    NasView update(TenantId tenant, UUID id, NasSpec nas) {
        byte[] sealed = nas.secret() == null ? null : secrets.seal(nas.secret());
        return changed(nas, () -> gateway.inTenant(tenant, sql -> sql.sql("""
                        update nas_clients set name = ?, address = ?::cidr,
                          secret_ciphertext = coalesce(?::bytea, secret_ciphertext), type = ?, coa_port = ?,
                          require_message_authenticator = ?, description = ?, updated_at = now()
                        where id = ? and tenant_id = ?
                        returning\s""" + COLUMNS)
                .params(nas.name(), nas.address().cidr(), sealed, nas.type(), nas.coaPort(),
                        nas.requireMessageAuthenticator(), nas.description(), id, tenant.value())
                .query(ROW).optional()
                .orElseThrow(() -> ApiProblem.notFound("NAS " + id))));
    }

    void delete(TenantId tenant, UUID id) {
        int removed = gateway.inTenant(tenant, sql -> sql.sql("delete from nas_clients where id = ? and tenant_id = ?")
                .params(id, tenant.value()).update());
        if (removed == 0) {
            throw ApiProblem.notFound("NAS " + id);
        }
        directory.reloadSoon();
    }

    /** The NAS's shared secret in plain text (it was given to us as UTF-8 text). */
    String secret(TenantId tenant, UUID id) {
        byte[] sealed = gateway.inTenant(tenant, sql -> sql.sql(
                        "select secret_ciphertext from nas_clients where id = ? and tenant_id = ?")
                .params(id, tenant.value()).query(byte[].class).optional())
                .orElseThrow(() -> ApiProblem.notFound("NAS " + id));
        return new String(secrets.open(sealed), StandardCharsets.UTF_8);
    }

    /** Runs a write, turning the table's unique constraints into 409s, then nudges the directory. */
    private NasView changed(NasSpec nas, Supplier<NasView> write) {
        NasView result;
        try {
            result = write.get();
        } catch (DuplicateKeyException e) {
            String constraint = String.valueOf(e.getMostSpecificCause().getMessage());
            throw constraint.contains("nas_clients_tenant_id_address_key")
                    ? ApiProblem.conflictOn("address", "a NAS with address " + nas.address().text() + " is already registered")
                    : ApiProblem.conflictOn("name", "a NAS named '" + nas.name() + "' already exists");
        }
        directory.reloadSoon();
        return result;
    }
}
