/**
 * Tenants and the tenancy gateway. A tenant is an operator with its own PostgreSQL schema
 * {@code ts_<slug>}; {@link com.traidnet.wificore.tenant.TenantGateway} is the only way into
 * tenant data (it sets the schema and the row-level-security scope per transaction).
 * Also owns the two Flyway migration sets and the platform admin's tenant endpoints.
 */
package com.traidnet.wificore.tenant;
