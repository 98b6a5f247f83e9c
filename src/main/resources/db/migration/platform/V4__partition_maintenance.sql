-- Partition maintenance (issue 4): one row per maintenance run, and the state of every
-- managed partitioned table after the last run that touched it (per tenant schema, plus
-- the platform's own tables in public with tenant_id null).

create table partition_runs (
    id           bigint generated always as identity primary key,
    started_at   timestamptz not null,
    finished_at  timestamptz,
    trigger      text not null check (trigger in ('schedule', 'startup', 'cli', 'tenant', 'api', 'test')),
    scope        text not null,            -- 'all' or a tenant slug
    node         text not null,
    status       text not null default 'running' check (status in ('running', 'succeeded', 'failed')),
    tables       integer not null default 0,
    created      integer not null default 0,
    retired      integer not null default 0,
    rows_moved   bigint not null default 0,
    errors       integer not null default 0,
    error        text
);
create index partition_runs_complete_idx on partition_runs (finished_at desc) where scope = 'all' and status = 'succeeded';
create index partition_runs_started_idx on partition_runs (started_at desc);

create table partition_status (
    schema_name      text not null,
    table_name       text not null,
    tenant_id        uuid references tenants (id) on delete cascade,
    tenant           text not null,              -- the tenant's slug, or 'platform'
    state            text not null check (state in ('ok', 'error', 'missing')),
    partition_count  integer not null default 0,
    oldest_partition text,
    newest_partition text,
    oldest_from      timestamptz,
    newest_to        timestamptz,
    rows_in_default  bigint not null default 0,
    rows_moved       bigint not null default 0,  -- by the last run
    warnings         text,                       -- newline-separated, null when none
    last_run_at      timestamptz not null,
    last_success_at  timestamptz,
    last_error       text,
    last_error_at    timestamptz,
    primary key (schema_name, table_name)
);
create index partition_status_tenant_idx on partition_status (tenant, table_name);

alter table partition_status enable row level security;
alter table partition_status force row level security;
create policy tenant_isolation on partition_status
    using (app_platform_scope() or tenant_id = app_current_tenant())
    with check (app_platform_scope() or tenant_id = app_current_tenant());
