-- Platform schema (public): tenants, staff identity, API tokens.
-- Row-level security: every table that carries tenant_id only shows rows of the tenant
-- named in the transaction-local setting app.tenant_id, unless the transaction is in the
-- explicit platform scope (app.scope = 'platform'). With neither, nothing is visible.
-- FORCE makes the policies apply to the owning role too (the application's role).

create function app_current_tenant() returns uuid
    language sql stable
    as $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$;

create function app_platform_scope() returns boolean
    language sql stable
    as $$ select coalesce(current_setting('app.scope', true), '') = 'platform' $$;

create table tenants (
    id              uuid primary key,
    slug            text not null unique,
    name            text not null,
    schema_name     text not null unique check (schema_name ~ '^ts_[a-z][a-z0-9_]{2,39}$'),
    status          text not null check (status in ('provisioning', 'active', 'suspended')),
    schema_version  text,
    migration_error text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);

create table staff_users (
    id            uuid primary key,
    tenant_id     uuid references tenants (id) on delete cascade,
    email         text not null,
    name          text,
    password_hash text not null,
    roles         text[] not null,
    status        text not null default 'active' check (status in ('active', 'disabled')),
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    last_login_at timestamptz,
    -- platform admins belong to no tenant; everyone else to exactly one
    check (('platform_admin' = any (roles)) = (tenant_id is null)),
    check (roles <@ array['platform_admin', 'tenant_admin', 'operator', 'viewer'])
);
create unique index staff_users_email_key on staff_users (lower(email));
create index staff_users_tenant_idx on staff_users (tenant_id);

create table api_tokens (
    id           uuid primary key,
    user_id      uuid not null references staff_users (id) on delete cascade,
    tenant_id    uuid references tenants (id) on delete cascade,
    name         text not null,
    token_hash   bytea not null unique,
    abilities    text[] not null,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_tokens_user_idx on api_tokens (user_id);

alter table tenants enable row level security;
alter table tenants force row level security;
create policy tenant_isolation on tenants
    using (app_platform_scope() or id = app_current_tenant())
    with check (app_platform_scope() or id = app_current_tenant());

alter table staff_users enable row level security;
alter table staff_users force row level security;
create policy tenant_isolation on staff_users
    using (app_platform_scope() or tenant_id = app_current_tenant())
    with check (app_platform_scope() or tenant_id = app_current_tenant());

alter table api_tokens enable row level security;
alter table api_tokens force row level security;
create policy tenant_isolation on api_tokens
    using (app_platform_scope() or tenant_id = app_current_tenant())
    with check (app_platform_scope() or tenant_id = app_current_tenant());
