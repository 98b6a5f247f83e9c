package com.traidnet.wificore.tenant;

import com.traidnet.wificore.platform.ApiProblem;
import com.traidnet.wificore.platform.SqlText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The tenant directory: creating a tenant (row + schema + whatever the caller adds, all or
 * nothing), finding, listing, suspending and reactivating tenants.
 */
@Service
public class Tenants {

    private static final Logger log = LoggerFactory.getLogger(Tenants.class);
    static final RowMapper<Tenant> ROW = (rs, n) -> new Tenant(
            new TenantId(rs.getObject("id", java.util.UUID.class)), rs.getString("slug"), rs.getString("name"),
            rs.getString("schema_name"), TenantStatus.fromDb(rs.getString("status")),
            rs.getString("schema_version"), rs.getString("migration_error"),
            rs.getTimestamp("created_at").toInstant());

    private final TenantGateway gateway;
    private final SchemaMigrations migrations;
    private final TenantSchemas schemas;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Tenants(TenantGateway gateway, SchemaMigrations migrations, TenantSchemas schemas, Clock clock,
            ApplicationEventPublisher events) {
        this.gateway = gateway;
        this.migrations = migrations;
        this.schemas = schemas;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Creates a tenant and its migrated schema. {@code completeSetup} runs in the platform
     * transaction that activates the tenant (e.g. to create its first admin); if anything
     * fails, the schema and the tenant row are removed again and the error is rethrown. Once
     * the tenant is active, {@link TenantCreated} is published; a listener's failure is logged,
     * never undoes the tenant.
     */
    public Tenant create(TenantSlug slug, String name, Consumer<TenantId> completeSetup) {
        Tenant created = activate(slug, name, completeSetup);
        try {
            events.publishEvent(new TenantCreated(created.id(), created.slug(), created.schemaName()));
        } catch (RuntimeException e) {
            log.error("tenant {} was created, but a TenantCreated listener failed", created.slug(), e);
        }
        return created;
    }

    private Tenant activate(TenantSlug slug, String name, Consumer<TenantId> completeSetup) {
        TenantId id = TenantId.random();
        reserve(id, slug, name);
        try {
            String version = migrations.migrateTenant(slug.schemaName());
            return gateway.inPlatform(sql -> {
                completeSetup.accept(id);
                sql.sql("update tenants set status = 'active', schema_version = ?, updated_at = now() where id = ?")
                        .params(version, id.value()).update();
                schemas.remember(id, slug.schemaName());
                return find(sql, id).orElseThrow();
            });
        } catch (RuntimeException e) {
            discard(id, slug.schemaName());
            throw e;
        }
    }

    private void reserve(TenantId id, TenantSlug slug, String name) {
        try {
            gateway.inPlatform(sql -> sql.sql("""
                            insert into tenants (id, slug, name, schema_name, status, created_at, updated_at)
                            values (?, ?, ?, ?, 'provisioning', ?, ?)""")
                    .params(id.value(), slug.value(), name, slug.schemaName(),
                            Timestamp.from(clock.instant()), Timestamp.from(clock.instant()))
                    .update());
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflictOn("slug", "a tenant with slug '" + slug.value() + "' already exists");
        }
    }

    /** Removes a half-created tenant: its schema (if any) and its row. */
    void discard(TenantId id, String schema) {
        try {
            gateway.inPlatform(sql -> {
                sql.sql("drop schema if exists \"" + TenantSlug.requireSchemaName(schema) + "\" cascade").update();
                return sql.sql("delete from tenants where id = ? and status = 'provisioning'")
                        .param(id.value()).update();
            });
            schemas.forget(id);
        } catch (RuntimeException cleanup) {
            log.error("could not remove half-created tenant {} ({}); the start-up sweep will retry",
                    id, schema, cleanup);
        }
    }

    public Optional<Tenant> find(TenantId id) {
        return gateway.inPlatform(sql -> find(sql, id));
    }

    public Optional<Tenant> findBySlug(String slug) {
        return gateway.inPlatform(sql -> sql.sql("select * from tenants where slug = ? and status <> 'provisioning'")
                .param(slug).query(ROW).optional());
    }

    private static Optional<Tenant> find(JdbcClient sql, TenantId id) {
        return sql.sql("select * from tenants where id = ? and status <> 'provisioning'")
                .param(id.value()).query(ROW).optional();
    }

    /** Tenants in creation order, optionally filtered by a slug/name fragment. */
    public List<Tenant> list(String query, int offset, int limit) {
        String like = SqlText.containsPattern(query);
        return gateway.inPlatform(sql -> sql.sql("""
                        select * from tenants where status <> 'provisioning'
                          and (slug like :q or lower(name) like :q)
                        order by created_at, slug offset :offset limit :limit""")
                .param("q", like).param("offset", offset).param("limit", limit).query(ROW).list());
    }

    public Tenant changeStatus(TenantId id, TenantStatus status) {
        if (status == TenantStatus.PROVISIONING) {
            throw new IllegalArgumentException("cannot move a tenant back to provisioning");
        }
        return gateway.inPlatform(sql -> {
            int changed = sql.sql("update tenants set status = ?, updated_at = now() where id = ? and status <> 'provisioning'")
                    .params(status.dbValue(), id.value()).update();
            if (changed == 0) {
                throw ApiProblem.notFound("tenant " + id);
            }
            return find(sql, id).orElseThrow();
        });
    }
}
