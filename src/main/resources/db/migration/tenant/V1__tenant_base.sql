-- Tenant schema ts_<slug>, first set. Flyway runs this with search_path set to the
-- tenant schema, so every object below is created inside it.

-- Branding shown on the captive portal and in the app: a single row.
create table branding (
    id            boolean primary key default true check (id),
    display_name  text,
    logo_url      text,
    primary_color text,
    updated_at    timestamptz not null default now()
);

-- What staff did in this tenant, newest first.
create table audit_log (
    id          bigint generated always as identity primary key,
    at          timestamptz not null default now(),
    actor_id    uuid,
    actor_email text,
    action      text not null,
    subject     text,
    detail      jsonb
);
create index audit_log_at_idx on audit_log (at desc);
