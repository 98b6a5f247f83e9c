-- Web-app budgets (issue 8, docs/performance.md "Web app budgets"): what the SPA's lists need at 1,000,000
-- radacct rows and 100,000 subscribers, found with EXPLAIN ANALYZE on the `seed scale` tenant. V11, not V9/V10:
-- those are the water module's.

-- Sessions, newest first (GET /api/sessions without a username, also status=closed or nasIp=): without an index
-- on the start time every page sorted all of radacct (0.6-2.6 s at 1M rows). Per partition this index is read
-- backwards in order and the newest partitions first, so a page reads about one page of rows. With radacctid as
-- the second column, the (radacctid, acctstarttime) updates still find exactly one row through either index (V2's
-- reason for having no index on acctstarttime alone). Stops do not update these columns, so they stay HOT.
create index radacct_started_idx on radacct (acctstarttime desc, radacctid desc);

-- Voucher batches list: each batch's redeemed count, now from an index-only count of the redeemed codes.
create index vouchers_redeemed on vouchers (batch_id) where redeemed_at is not null;

-- Revenue per day: settled payments in a range read from the index alone (amounts included).
create index payments_settled_amounts_idx on payments (settled_at) include (currency, amount, paid_amount)
    where status = 'settled';
drop index payments_settled_idx;

-- Subscriber search (GET /api/subscribers?q=): `like '%…%'` on username, phone and account number scanned every
-- subscriber when few match (0.2-0.8 s at 100,000). Trigram GIN indexes on exactly the searched expressions let
-- the planner pick the few matches; it keeps the created_at index for a fragment most subscribers match ("2547"),
-- which is why the statistics target is raised: the default sample misjudged fragments like "wanjiru.k".
-- pg_trgm is a trusted extension (PostgreSQL ≥ 13): the platform's role may create it where it has CREATE on the
-- database; it lives in one shared schema (public), since an extension exists once per database. Where it cannot
-- be created (an external server without contrib, or no privilege) search still works, by scanning.
do $$
declare
    trgm_schema text;
begin
    begin
        create extension if not exists pg_trgm with schema public;
    exception
        -- another tenant's migration created it at the same moment, or we may not: both leave search working
        when unique_violation or duplicate_object or insufficient_privilege or undefined_file then null;
    end;
    select n.nspname into trgm_schema
    from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm';
    if trgm_schema is null then
        raise notice 'pg_trgm is not available: subscriber search scans (see docs/performance.md)';
        return;
    end if;
    execute format('create index subscribers_username_trgm on subscribers using gin (lower(username) %I.gin_trgm_ops)',
                   trgm_schema);
    execute format('create index subscribers_phone_trgm on subscribers using gin (lower(coalesce(phone, %L)) %I.gin_trgm_ops)',
                   '', trgm_schema);
    execute format('create index subscribers_account_trgm on subscribers using gin (lower(coalesce(account_number, %L)) %I.gin_trgm_ops)',
                   '', trgm_schema);
    alter index subscribers_username_trgm alter column 1 set statistics 1000;
    alter index subscribers_phone_trgm alter column 1 set statistics 1000;
    alter index subscribers_account_trgm alter column 1 set statistics 1000;
end $$;

-- Subscribers by kind and status (reports): counted from this index alone.
create index subscribers_kind_status on subscribers (kind, status, expires_at);
