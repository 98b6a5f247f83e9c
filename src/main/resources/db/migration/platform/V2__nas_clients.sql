-- NAS registry: the routers allowed to talk RADIUS to us, per tenant. The RADIUS server
-- picks the tenant by the packet's source address (most specific CIDR wins); where one
-- address is registered for several tenants, the WifiCore Tenant-ID attribute chooses.
-- Shared secrets are encrypted at rest (AES-GCM, see platform SecretBox); never stored plain.
create table nas_clients (
    id                            uuid primary key,
    tenant_id                     uuid not null references tenants (id) on delete cascade,
    name                          text not null,
    address                       cidr not null,
    secret_ciphertext             bytea not null,
    type                          text not null default 'other',
    coa_port                      integer not null default 3799 check (coa_port between 1 and 65535),
    require_message_authenticator boolean not null default true,
    description                   text,
    created_at                    timestamptz not null default now(),
    updated_at                    timestamptz not null default now(),
    unique (tenant_id, name),
    unique (tenant_id, address)
);
create index nas_clients_address_idx on nas_clients using gist (address inet_ops);

alter table nas_clients enable row level security;
alter table nas_clients force row level security;
create policy tenant_isolation on nas_clients
    using (app_platform_scope() or tenant_id = app_current_tenant())
    with check (app_platform_scope() or tenant_id = app_current_tenant());

-- Every node's RADIUS server keeps the registry in memory and reloads it on this signal.
create function nas_clients_notify() returns trigger
    language plpgsql as $$
begin
    perform pg_notify('wificore_nas', '');
    return null;
end $$;
create trigger nas_clients_notify after insert or update or delete or truncate on nas_clients
    for each statement execute function nas_clients_notify();
