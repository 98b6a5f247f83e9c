-- Reports at 1,000,000 radacct rows (issue 8, docs/performance.md "Web app budgets"). V14: V9-V13 are taken.

-- Revenue per NAS credits a payment to the NAS of the buyer's first session in the day after it, else of the
-- last one in the 31 days before it. Probed in radacct, each lookup descended the (username, acctstarttime)
-- index of every day partition in its window (~32 per payment, 113,000 payments a month: 33-50 s). radacct_sessions
-- holds the same username, nas_id and start time for every session (written together, pruned together), in one
-- table: one descent per lookup. Paid on each Start by one more btree insert into radacct_sessions.
create index radacct_sessions_user_start on radacct_sessions (username, acctstarttime) include (nas_id);

-- The dashboard's "failed today" count (GET /api/dashboard, on the SPA's first render): payments created today
-- that failed or went unmatched. Through payments_created_idx it fetched every payment of the day from the heap
-- to test the status (~12,600 rows, 4,100 heap pages: 20-200 ms); this partial index answers it alone.
create index payments_failed_created_idx on payments (created_at) where status in ('failed', 'unmatched');

-- Online per NAS (GET /api/reports/online: the Reports page and the NAS list's online counts): sessions and
-- distinct users of the open sessions per NAS. The open-session indexes found the ~8,400 rows but each one was
-- fetched from radacct_sessions' heap (2,000 scattered pages: 70-190 ms); this partial index holds the grouped
-- columns, so the count reads only the index (where the visibility map allows; autovacuum keeps it). Interim
-- updates stay HOT: none of these columns changes on an Interim.
create index radacct_sessions_open_nas_user on radacct_sessions (nas_id, nasipaddress, username)
    where acctstoptime is null;
