-- How a provider's callback finds its tenant without trusting the caller (docs/payments.md):
-- kind 'stk': key = CheckoutRequestID → tenant and payment; kind 'c2b': key = the tenant's
-- shortcode (BusinessShortCode of C2B notifications) → tenant. Rows are written inside the
-- tenant's own transaction (the policy admits its own tenant_id) and read in platform scope.
create table payment_routes (
    kind       text not null check (kind in ('stk', 'c2b')),
    key        text not null,
    tenant_id  uuid not null references tenants (id) on delete cascade,
    payment_id uuid,
    created_at timestamptz not null default now(),
    primary key (kind, key)
);
create index payment_routes_tenant_idx on payment_routes (tenant_id);

alter table payment_routes enable row level security;
alter table payment_routes force row level security;
create policy tenant_isolation on payment_routes
    using (app_platform_scope() or tenant_id = app_current_tenant())
    with check (app_platform_scope() or tenant_id = app_current_tenant());

-- Callbacks no tenant could be found for (unknown CheckoutRequestID or shortcode): kept for
-- the platform admin to reconcile; they are answered 200 so Safaricom stops retrying.
create table payment_callback_audit (
    id          bigint generated always as identity primary key,
    received_at timestamptz not null default now(),
    kind        text not null,
    reason      text not null,
    payload     jsonb
);

alter table payment_callback_audit enable row level security;
alter table payment_callback_audit force row level security;
create policy platform_only on payment_callback_audit
    using (app_platform_scope())
    with check (app_platform_scope());
