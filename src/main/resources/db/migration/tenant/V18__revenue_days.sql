-- Revenue per day (in the tenant's time zone, `zone`), package, NAS and currency, for the revenue reports (GET /api/reports/revenue/*, issue 8).
-- Crediting a month of payments (~113,000 at the scale bench) to packages and NAS took 0.6-2.2 s per report. A day's
-- settled payments never change once it is over (settled_at is the settlement's clock time; nothing un-settles a
-- payment), and its NAS credits are final once the day after it is over too (a payment is credited to the NAS of
-- the buyer's first session within a day after it). So days up to the day before yesterday are summed once, on
-- first read, and kept here (reports.RevenueDays); yesterday and today are summed live. Rows of another zone
-- than the tenant's (V20) are not read.
create table revenue_days (
    zone       text not null,
    day        date not null,
    package_id uuid,
    nas_id     uuid,
    currency   text not null,
    payments   bigint not null,
    amount     numeric not null
);
create index revenue_days_day on revenue_days (zone, day);

-- Which days revenue_days holds (a day without payments holds no rows but is summed all the same).
create table revenue_days_rolled (
    zone      text not null,
    day       date not null,
    rolled_at timestamptz not null default now(),
    primary key (zone, day)
);

-- A closed day changes only through a session inserted late, with a start on it (a Start or Stop-only record that
-- a NAS sent, or resent, after the day was over). Readers store a day only once it has been over for 15 minutes,
-- so any session of a stored day arrives more than 10 minutes after its start (5 minutes to spare for an
-- accounting transaction open across that moment, whose now() is its start): this trigger fires for exactly
-- those rows (the WHEN clause keeps the usual, prompt Start free of it). It drops the usage sums of every day the
-- start can fall on in any time zone (its UTC date ± 1) and the revenue sums of the days whose NAS credit it can
-- change (a payment is credited by a session within a day after it, or in the 31 days before it: −2 … +32,
-- widened for time zones); the next read sums them again. Readers store a day holding advisory locks taken here
-- too (usage: per day; revenue: per tenant), so a late session either is in the sums or drops them. ADR 0012.
create function usage_days_forget() returns trigger language plpgsql as $$
declare
    d date := (new.acctstarttime at time zone 'UTC')::date;
begin
    for i in -1..1 loop
        perform pg_advisory_xact_lock(hashtext(tg_table_schema || '.usage_days'), d + i - date '2000-01-01');
    end loop;
    execute format('delete from %I.usage_days where day between $1 - 1 and $1 + 1', tg_table_schema) using d;
    perform pg_advisory_xact_lock(hashtext(tg_table_schema || '.revenue_days'), 0);
    execute format('delete from %I.revenue_days_rolled where day between $1 - 2 and $1 + 32', tg_table_schema)
        using d;
    execute format('delete from %I.revenue_days where day between $1 - 2 and $1 + 32', tg_table_schema) using d;
    return null;
end $$;

create trigger radacct_sessions_late_start after insert on radacct_sessions
    for each row when (new.acctstarttime < now() - interval '10 minutes')
    execute function usage_days_forget();
