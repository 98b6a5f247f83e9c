-- How the device API finds a dispenser's tenant from its device id alone (docs/water.md):
-- the id is the only thing the caller says that we look up before the signature is checked,
-- and it leads to exactly one tenant's schema, where the key that must have signed the
-- request is kept. Rows are written inside the tenant's own transaction when a dispenser is
-- registered (row-level security admits only its own tenant) and read in platform scope.
create table water_devices (
    device_id    text primary key,
    tenant_id    uuid not null references tenants (id) on delete cascade,
    dispenser_id uuid not null,
    created_at   timestamptz not null default now()
);
create index water_devices_tenant_idx on water_devices (tenant_id);

alter table water_devices enable row level security;
alter table water_devices force row level security;
create policy tenant_isolation on water_devices
    using (app_platform_scope() or tenant_id = app_current_tenant())
    with check (app_platform_scope() or tenant_id = app_current_tenant());
