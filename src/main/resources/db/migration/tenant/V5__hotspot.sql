-- Hotspot and PPPoE business (docs/hotspot.md): what the operator sells (packages), who
-- bought it (subscribers, with a snapshot of the terms they paid for), what happened to
-- them (subscriber_history) and prepaid vouchers. Subscribers are the source of truth;
-- their radcheck/radreply rows are derived from them in the same transaction.

create table packages (
    id                    uuid primary key default gen_random_uuid(),
    type                  text not null check (type in ('hotspot', 'pppoe', 'trial')),
    name                  text not null,
    price                 numeric(12, 2) not null check (price >= 0),
    currency              char(3) not null default 'KES',
    duration_value        integer not null check (duration_value > 0),
    duration_unit         text not null check (duration_unit in ('minutes', 'hours', 'days', 'months')),
    upload_kbps           integer not null check (upload_kbps > 0),
    download_kbps         integer not null check (download_kbps > 0),
    -- burst: all four or none (checked by the application; null = no burst)
    burst_upload_kbps     integer,
    burst_download_kbps   integer,
    burst_threshold_upload_kbps   integer,
    burst_threshold_download_kbps integer,
    burst_time_seconds    integer,
    data_cap_bytes        bigint check (data_cap_bytes > 0),
    devices               integer not null default 1 check (devices > 0),
    public                boolean not null default true,
    -- NAS (public.nas_clients ids) it is sold on; empty = every NAS of the tenant
    nas_ids               uuid[] not null default '{}',
    archived_at           timestamptz,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now()
);
create unique index packages_live_name on packages (lower(name)) where archived_at is null;

create table subscribers (
    id              uuid primary key default gen_random_uuid(),
    kind            text not null check (kind in ('hotspot', 'pppoe')),
    -- the RADIUS User-Name: the phone (2547XXXXXXXX) for hotspot users
    username        text not null unique,
    phone           text,
    account_number  text unique,
    mac_address     text,
    status          text not null default 'active' check (status in ('active', 'blocked', 'disabled')),
    package_id      uuid references packages (id),
    expires_at      timestamptz,
    static_ip       inet,
    ip_pool         text,
    next_due_at     timestamptz,
    grace_days      integer not null default 0 check (grace_days >= 0),
    -- the terms bought, copied from the package at purchase: a later package change never alters them
    terms_package_name   text,
    terms_price          numeric(12, 2),
    terms_currency       char(3),
    terms_duration_value integer,
    terms_duration_unit  text,
    terms_rate_limit     text,
    terms_devices        integer,
    terms_data_cap_bytes bigint,
    -- octets radacct already held for this username at purchase: Max-Total-Octets = this + the cap
    terms_octets_base    bigint not null default 0,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    check (kind <> 'pppoe' or account_number is not null),
    check (kind <> 'hotspot' or phone is not null)
);
create index subscribers_phone on subscribers (phone);
create index subscribers_package on subscribers (package_id);
create index subscribers_created on subscribers (created_at desc, id);

-- Every change to a subscriber, with who made it. No foreign key: history outlives a deleted subscriber.
create table subscriber_history (
    id            bigint generated always as identity primary key,
    subscriber_id uuid not null,
    at            timestamptz not null default now(),
    actor         text not null,
    action        text not null,
    detail        jsonb
);
create index subscriber_history_subscriber on subscriber_history (subscriber_id, id);

create table voucher_batches (
    id          uuid primary key default gen_random_uuid(),
    package_id  uuid not null references packages (id),
    prefix      text not null default '',
    code_length integer not null,
    count       integer not null,
    expires_at  timestamptz,
    status      text not null default 'enabled' check (status in ('enabled', 'disabled')),
    created_by  text,
    created_at  timestamptz not null default now()
);

create table vouchers (
    id             bigint generated always as identity primary key,
    batch_id       uuid not null references voucher_batches (id) on delete cascade,
    code           text not null,
    redeemed_at    timestamptz,
    redeemed_phone text,
    subscriber_id  uuid
);
-- unique per tenant: the schema is the tenant
create unique index vouchers_code on vouchers (code);
create index vouchers_batch on vouchers (batch_id, id);
