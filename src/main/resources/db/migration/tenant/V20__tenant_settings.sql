-- The tenant's time zone (issue 8: an operator's "today" is its own day, not UTC's). Reports' days, the
-- dashboard's "today" and the stored per-day sums (usage_days, revenue_days) are dates in it. UTC until set.
create table tenant_settings (
    id         boolean primary key default true check (id),
    time_zone  text not null default 'UTC',
    updated_at timestamptz not null default now()
);
insert into tenant_settings default values;
