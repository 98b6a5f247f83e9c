-- Job queue (docs/jobs.md, docs/decisions/0007-job-queue.md).
--
-- jobs is partitioned by day on enqueued_at; the partition engine creates the daily
-- partitions and moves rows out of jobs_default. A job's id is a UUIDv7 whose first 48 bits
-- are enqueued_at in milliseconds, so the primary key (id, enqueued_at) — which must contain
-- the partition key — is still unique per id, and a lookup by id names its one partition.
-- Succeeded jobs are deleted; dead ones move to failed_jobs. Times come from the
-- application's clock, not now(), so that tests can advance time.
--
-- No foreign key to tenants: every enqueue would take a KEY SHARE lock on the tenant's row
-- (multixacts under load), and a cascade would scan every partition. A job whose tenant is
-- gone fails in its handler and is dead-lettered like any other.
create table jobs (
    id              uuid        not null,
    enqueued_at     timestamptz not null,
    queue           text        not null check (queue ~ '^[a-z][a-z0-9_-]{0,62}$'),
    type            text        not null,
    payload         jsonb       not null,
    tenant_id       uuid,
    priority        smallint    not null default 5 check (priority between 0 and 9),
    run_at          timestamptz not null,
    attempts        integer     not null default 0,
    max_attempts    integer     not null check (max_attempts >= 1),
    backoff_ms      bigint      not null check (backoff_ms >= 0),
    idempotency_key text,
    locked_by       text,
    locked_until    timestamptz,
    last_error      text,
    primary key (id, enqueued_at)
) partition by range (enqueued_at);

create table jobs_default partition of jobs default;

-- the claim: per queue, most urgent first (0 = most urgent), then longest due
create index jobs_claim_idx on jobs (queue, priority, run_at);

create table failed_jobs (
    id              uuid primary key,
    enqueued_at     timestamptz not null,
    queue           text        not null,
    type            text        not null,
    payload         jsonb       not null,
    tenant_id       uuid,
    priority        smallint    not null,
    attempts        integer     not null,
    max_attempts    integer     not null,
    backoff_ms      bigint      not null,
    idempotency_key text,
    error           text        not null,
    failed_at       timestamptz not null
);
create index failed_jobs_failed_at_idx on failed_jobs (failed_at);
create index failed_jobs_queue_idx on failed_jobs (queue, failed_at);

-- Idempotency keys, unique per tenant (null = platform) across all partitions. A key names
-- its job until done_at + wificore.jobs.idempotency-retention; then it may be used again.
create table job_keys (
    tenant_id  uuid,
    key        text        not null check (length(key) between 1 and 200),
    job_id     uuid        not null,
    created_at timestamptz not null,
    done_at    timestamptz,
    -- key first: lookups by key use the index, "is not distinct from" on tenant_id cannot
    constraint job_keys_key unique nulls not distinct (key, tenant_id)
);
create index job_keys_done_idx on job_keys (done_at) where done_at is not null;

-- Recurring jobs registered in code; a fire is claimed by moving next_fire_at with a
-- compare-and-set, so exactly one node enqueues each fire.
create table job_schedules (
    name         text primary key,
    cron         text        not null,
    zone         text        not null,
    next_fire_at timestamptz not null,
    last_fire_at timestamptz,
    last_job_id  uuid,
    updated_at   timestamptz not null
);

alter table jobs enable row level security;
alter table jobs force row level security;
create policy tenant_isolation on jobs
    using (app_platform_scope() or tenant_id = app_current_tenant())
    with check (app_platform_scope() or tenant_id = app_current_tenant());

alter table failed_jobs enable row level security;
alter table failed_jobs force row level security;
create policy tenant_isolation on failed_jobs
    using (app_platform_scope() or tenant_id = app_current_tenant())
    with check (app_platform_scope() or tenant_id = app_current_tenant());

alter table job_keys enable row level security;
alter table job_keys force row level security;
create policy tenant_isolation on job_keys
    using (app_platform_scope() or tenant_id = app_current_tenant())
    with check (app_platform_scope() or tenant_id = app_current_tenant());

-- schedules belong to the platform: nothing of them is visible in a tenant's scope
alter table job_schedules enable row level security;
alter table job_schedules force row level security;
create policy platform_only on job_schedules
    using (app_platform_scope())
    with check (app_platform_scope());
