-- Payments and their ledger (docs/payments.md). A payment row holds the current state; every
-- change of it is also appended to payment_events with the provider's raw payload, so a
-- receipt or a dispute can be answered from the ledger alone.
create table payments (
    id                  uuid primary key,
    method              text not null check (method in ('mpesa_stk', 'mpesa_c2b', 'cash')),
    purpose             text not null check (purpose in ('HOTSPOT_PACKAGE', 'PPPOE_BILL')),
    reference           text not null,
    phone               text,
    mac                 text,
    amount              numeric(12, 2) not null check (amount > 0),
    currency            text not null default 'KES',
    status              text not null check (status in ('pending', 'settled', 'failed', 'cancelled', 'unmatched')),
    checkout_request_id text unique,
    merchant_request_id text,
    -- M-Pesa receipt (MpesaReceiptNumber, or the C2B TransID): unique, so a replayed C2B
    -- confirmation finds the payment it already made instead of making a second one
    receipt             text unique,
    paid_amount         numeric(12, 2),
    result_code         text,
    result_desc         text,
    recorded_by         uuid,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    settled_at          timestamptz
);
create index payments_created_idx on payments (created_at desc, id desc);
-- the stuck-payments job looks for old pending STK pushes
create index payments_pending_idx on payments (created_at) where status = 'pending';

create table payment_events (
    id         bigint generated always as identity primary key,
    payment_id uuid not null references payments (id) on delete cascade,
    at         timestamptz not null default now(),
    kind       text not null,
    status     text not null,
    source     text not null,
    detail     text,
    payload    jsonb
);
create index payment_events_payment_idx on payment_events (payment_id, id);

-- The tenant's Daraja app: one row. Secrets are sealed with SecretBox (AES-GCM, ADR 0005).
create table mpesa_settings (
    id                     boolean primary key default true check (id),
    shortcode              text not null,
    shortcode_type         text not null check (shortcode_type in ('paybill', 'till')),
    passkey_sealed         bytea not null,
    consumer_key_sealed    bytea not null,
    consumer_secret_sealed bytea not null,
    environment            text not null check (environment in ('sandbox', 'production', 'simulator')),
    callback_base_url      text,
    updated_at             timestamptz not null default now()
);
