package com.traidnet.wificore.tenant;

import com.traidnet.wificore.platform.ApiProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The only way into tenant data (ARCHITECTURE §3). Each call runs in one transaction that
 * starts with {@code SET LOCAL}-scoped settings — never session-level, so a pooled
 * connection cannot carry one tenant's schema to the next borrower (and PgBouncer
 * transaction mode stays safe):
 * <ul>
 *   <li>{@code search_path} = the tenant's validated schema, then {@code public};</li>
 *   <li>{@code app.tenant_id} = the tenant, which the row-level-security policies of
 *       {@code public} tables compare against.</li>
 * </ul>
 * {@link #inPlatform} is the explicit, cross-tenant scope for platform work (login,
 * tenant administration). A nested call joins the outer transaction only if it asks for
 * the same scope; mixing scopes in one transaction is a bug and fails fast.
 */
@Component
public class TenantGateway {

    private final JdbcClient sql;
    private final TransactionTemplate transactions;
    private final TenantSchemas schemas;

    /** Takes {@link SchemaMigrations} so that the platform schema is migrated before anyone gets in. */
    TenantGateway(JdbcClient sql, TransactionTemplate transactions, TenantSchemas schemas,
                  SchemaMigrations platformSchemaReady) {
        this.sql = sql;
        this.transactions = transactions;
        this.schemas = schemas;
    }

    public <T> T inTenant(TenantId tenant, TenantWork<T> work) {
        String schema = schemas.schemaOf(tenant).orElseGet(() -> loadSchema(tenant));
        if (schemas.isUnavailable(tenant)) {
            throw ApiProblem.unavailable("tenant data is unavailable: its schema migration failed");
        }
        return within(new Scope(tenant.toString(), schema), work);
    }

    private String loadSchema(TenantId tenant) {
        String schema = inPlatform(q -> q.sql("select schema_name from tenants where id = ? and status <> 'provisioning'")
                .param(tenant.value()).query(String.class).optional())
                .orElseThrow(() -> ApiProblem.notFound("tenant " + tenant));
        schemas.remember(tenant, schema);
        return schema;
    }

    public <T> T inPlatform(TenantWork<T> work) {
        return within(Scope.PLATFORM, work);
    }

    private <T> T within(Scope scope, TenantWork<T> work) {
        Object outer = TransactionSynchronizationManager.getResource(this);
        if (outer != null) {
            if (!outer.equals(scope)) {
                throw new IllegalStateException("cannot enter " + scope + " inside " + outer);
            }
            return work.run(sql);
        }
        return transactions.execute(status -> {
            TransactionSynchronizationManager.bindResource(this, scope);
            try {
                sql.sql("select set_config('search_path', ?, true), set_config('app.tenant_id', ?, true),"
                                + " set_config('app.scope', ?, true)")
                        .params(scope.searchPath(), scope.tenantId(), scope.platform() ? "platform" : "tenant")
                        .query().singleRow();
                return work.run(sql);
            } finally {
                TransactionSynchronizationManager.unbindResource(this);
            }
        });
    }

    private record Scope(String tenantId, String schema) {
        static final Scope PLATFORM = new Scope("", null);

        boolean platform() {
            return schema == null;
        }

        String searchPath() {
            return platform() ? "public" : TenantSlug.requireSchemaName(schema) + ", public";
        }

        @Override
        public String toString() {
            return platform() ? "platform scope" : "tenant " + tenantId;
        }
    }
}
