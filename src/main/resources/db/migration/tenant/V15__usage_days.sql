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

-- The one way a closed day changes is a session inserted late with a start on it: V18 adds the trigger that
-- drops the sums of such days (for these sums and for revenue_days), and ADR 0012 says how readers and it agree.
