-- Water dispensing (docs/water.md): dispensers (kiosks, water ATMs), prepaid water customers,
-- their credits, water tokens, and every dispense in the daily-partitioned water_transactions.
-- A customer's balance is a cached sum: balance = sum(water_credits.value) - sum(debit of
-- water_transactions); both change in the same transaction, and the statement is their union.

-- One row: how this tenant keeps balances. 'money' debits a dispense's amount, 'litres' its
-- litres; it cannot change once a credit or dispense exists (checked by the application).
create table water_settings (
    id                      boolean primary key default true check (id),
    balance_unit            text not null default 'money' check (balance_unit in ('money', 'litres')),
    currency                char(3) not null default 'KES',
    -- litres mode: what a litre of prepaid balance costs when bought with money (M-Pesa, cash)
    topup_price_per_litre   numeric(12, 4) check (topup_price_per_litre > 0),
    low_balance_threshold   numeric(14, 3) not null default 50 check (low_balance_threshold >= 0),
    updated_at              timestamptz not null default now()
);
insert into water_settings default values;

create table dispensers (
    id                   uuid primary key default gen_random_uuid(),
    device_id            text not null unique,
    -- the device's HMAC key, sealed with SecretBox (AES-GCM, ADR 0005): the server recomputes signatures
    key_sealed           bytea not null,
    name                 text not null,
    location             text,
    tank_capacity_litres numeric(12, 3) not null check (tank_capacity_litres > 0),
    tank_level_litres    numeric(12, 3),
    tank_low_litres      numeric(12, 3) check (tank_low_litres >= 0),
    price_per_litre      numeric(12, 4) not null check (price_per_litre >= 0),
    currency             char(3) not null default 'KES',
    pulses_per_litre     integer not null check (pulses_per_litre > 0),
    enabled              boolean not null default true,
    last_seen_at         timestamptz,
    fault_codes          text[] not null default '{}',
    -- alerts already raised, so each is sent once per episode (cleared when the condition ends)
    offline_alerted_at   timestamptz,
    tank_low_alerted_at  timestamptz,
    telemetry            jsonb,
    refused_requests     bigint not null default 0,
    key_rotated_at       timestamptz,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);
create unique index dispensers_name on dispensers (lower(name));
create index dispensers_created on dispensers (created_at desc, id);

create table water_customers (
    id           uuid primary key default gen_random_uuid(),
    name         text,
    card_id      text unique,
    phone        text unique,
    status       text not null default 'active' check (status in ('active', 'blocked')),
    balance      numeric(14, 3) not null default 0,
    -- how far below zero dispenses may take the balance
    credit_limit numeric(14, 3) not null default 0 check (credit_limit >= 0),
    last_dispense_at timestamptz,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    check (card_id is not null or phone is not null)
) with (fillfactor = 80);
-- No index on balance: every dispense batch updates balances, and an indexed column would make
-- each of those updates non-HOT (a new index entry per update); the low-balance report scans.
create index water_customers_created on water_customers (created_at desc, id);

-- Every credit: cash, M-Pesa, token, adjustment. Value in the tenant's balance unit.
create table water_credits (
    id          bigint generated always as identity primary key,
    customer_id uuid not null references water_customers (id),
    at          timestamptz not null default now(),
    kind        text not null check (kind in ('cash', 'mpesa', 'token', 'adjustment')),
    value       numeric(14, 3) not null,
    -- the money behind it (cash, M-Pesa), null for tokens
    amount      numeric(12, 2),
    reference   text,
    payment_id  uuid unique,
    token_id    bigint unique,
    recorded_by text
);
create index water_credits_customer on water_credits (customer_id, at, id);

create table water_token_batches (
    id          uuid primary key default gen_random_uuid(),
    name        text,
    value_unit  text not null check (value_unit in ('money', 'litres')),
    value       numeric(14, 3) not null check (value > 0),
    code_length integer not null,
    count       integer not null,
    expires_at  timestamptz,
    status      text not null default 'enabled' check (status in ('enabled', 'disabled')),
    created_by  text,
    created_at  timestamptz not null default now()
);
create index water_token_batches_created on water_token_batches (created_at desc, id);

create table water_tokens (
    id           bigint generated always as identity primary key,
    batch_id     uuid not null references water_token_batches (id) on delete cascade,
    code         text not null unique,
    redeemed_at  timestamptz,
    customer_id  uuid,
    dispenser_id uuid
);
create index water_tokens_batch on water_tokens (batch_id, id);

-- Every dispense a device reported, honoured or not. Partitioned by the device's start time
-- (the day the water flowed), so a late upload lands in its own day. 'debit' is what was
-- taken from the customer (0 when flagged or anonymous); 'flag' says why it was not honoured.
create table water_transactions (
    id            bigint generated by default as identity (cache 1000),
    dispensed_at  timestamptz not null,
    ended_at      timestamptz,
    recorded_at   timestamptz not null,
    dispenser_id  uuid not null,
    device_seq    bigint not null,
    customer_id   uuid,
    customer_ref  text,
    litres        numeric(10, 3) not null,
    amount        numeric(12, 2) not null,
    debit         numeric(14, 3) not null default 0,
    flag          text,
    -- time first: it also serves "newest first" lists and time ranges (an append-mostly index)
    primary key (dispensed_at, id)
) partition by range (dispensed_at);
create table water_transactions_default partition of water_transactions default;
-- Every index costs each of 20,000 inserts a second: the statement needs the customer's; a
-- dispenser's list walks the primary key and filters (reports aggregate whole day partitions).
create index water_transactions_customer on water_transactions (customer_id, recorded_at) where customer_id is not null;
create index water_transactions_flagged on water_transactions (dispensed_at) where flag is not null;

-- Idempotency across partitions (ADR 0010): one row per (dispenser, device sequence) ever
-- recorded. A unique index on the partitioned table would have to include dispensed_at, so a
-- replay carrying another timestamp would slip through; this small unpartitioned key table
-- catches it. Pruned with water_transactions' retention.
create table water_dispense_keys (
    dispenser_id uuid not null,
    device_seq   bigint not null,
    dispensed_at timestamptz not null,
    primary key (dispenser_id, device_seq)
);

-- Request nonces seen inside the signature window (replay protection). Unlogged: a crash
-- forgets them, which reopens at most one timestamp window; expired rows are swept.
create unlogged table water_device_nonces (
    dispenser_id uuid not null,
    nonce        text not null,
    expires_at   timestamptz not null,
    primary key (dispenser_id, nonce)
);

-- Water top-ups are paid through the billing module
alter table payments drop constraint payments_purpose_check;
alter table payments add constraint payments_purpose_check
    check (purpose in ('HOTSPOT_PACKAGE', 'PPPOE_BILL', 'WATER_TOPUP'));
