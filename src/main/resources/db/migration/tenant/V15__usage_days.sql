-- Sessions and octets per day, for the dashboard's usage chart (GET /api/dashboard/usage, issue 8). Summing a day
-- partition of radacct costs ~30,000 rows a day at 1M sessions a month: 0.7-2 s for the 7-day chart. A day
-- whose sessions are all closed cannot change any more (the accounting writer never updates a closed session:
-- anything after a Stop is ignored), so its sums are kept here, filled lazily by the reader
-- (dashboard.UsageDays) the first time it shows a past day without an open session. Today and days with open
-- sessions are summed live. Days are dates in the tenant's time zone (`zone`, V20): rows of another zone (kept
-- before the tenant changed it) are not read. Rows outlive radacct's retention.
create table usage_days (
    zone          text not null,
    day           date not null,
    sessions      bigint not null,
    input_octets  bigint not null,
    output_octets bigint not null,
    rolled_at     timestamptz not null default now(),
    primary key (zone, day)
);

-- "Does this past day still have an open session?": the few open sessions older than today, not the day's all.
-- Partial, so a Stop (already non-HOT: acctstoptime is in the other open-session predicates) adds no entry.
create index radacct_sessions_open_start on radacct_sessions (acctstarttime) where acctstoptime is null;

-- The one way a closed day changes: a session inserted late with a start time on it (a Start or Stop-only record
-- that a NAS sent, or resent, after the day was over). The reader stores a day only once it has been over for
-- 10 minutes, so any session of a stored day arrives more than 10 minutes after its start: this trigger fires
-- for exactly those rows (the WHEN clause keeps the usual, prompt Start free of it) and deletes the sums of
-- every day the start can fall on in any time zone (its UTC date ± 1). The reader sums and stores a day holding
-- that day's advisory lock, taken here too, so a late insert either is in the sums or deletes them.
create function usage_days_forget() returns trigger language plpgsql as $$
declare
    d date := (new.acctstarttime at time zone 'UTC')::date;
begin
    for i in -1..1 loop
        perform pg_advisory_xact_lock(hashtext(tg_table_schema || '.usage_days'), d + i - date '2000-01-01');
    end loop;
    execute format('delete from %I.usage_days where day between $1 - 1 and $1 + 1', tg_table_schema) using d;
    return null;
end $$;

create trigger radacct_sessions_late_start after insert on radacct_sessions
    for each row when (new.acctstarttime < now() - interval '10 minutes')
    execute function usage_days_forget();
