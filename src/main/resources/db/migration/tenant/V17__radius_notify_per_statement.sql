-- RADIUS cache invalidation once per statement instead of once per row (bench/billing, session 13).
--
-- V2's radius_notify_change() ran for every row written to radcheck, radreply, radusergroup,
-- radgroupcheck and radgroupreply, and built a jsonb of the whole row (to_jsonb) each time
-- only to read one column. A settlement rewrites a subscriber's rows in one statement
-- (RadiusRows.write: deletes and inserts of 4-8 rows), a voucher batch or a CSV import
-- thousands. Statement-level triggers with transition tables run once per statement and
-- read the key column directly; the payloads ('<schema>:u:<username>' or
-- '<schema>:g:<groupname>') and the channel are unchanged, and pg_notify still folds identical
-- payloads within a transaction, so listeners see exactly what they saw before.
--
-- A trigger with transition tables handles one event only (PostgreSQL docs, CREATE TRIGGER:
-- "REFERENCING ... cannot be specified for triggers with more than one event"), hence one
-- trigger per INSERT, UPDATE and DELETE. A statement that changes no rows still fires its
-- statement-level trigger, which then finds no keys and sends nothing.

create function radius_notify_users() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform pg_notify('wificore_radius', tg_table_schema || ':u:' || left(k, 7000))
        from (select distinct username as k from fresh) d;
    elsif tg_op = 'DELETE' then
        perform pg_notify('wificore_radius', tg_table_schema || ':u:' || left(k, 7000))
        from (select distinct username as k from stale) d;
    else -- UPDATE: the old and the new username (a rename drops both cached copies)
        perform pg_notify('wificore_radius', tg_table_schema || ':u:' || left(k, 7000))
        from (select username as k from fresh union select username from stale) d;
    end if;
    return null;
end $$;

create function radius_notify_groups() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform pg_notify('wificore_radius', tg_table_schema || ':g:' || left(k, 7000))
        from (select distinct groupname as k from fresh) d;
    elsif tg_op = 'DELETE' then
        perform pg_notify('wificore_radius', tg_table_schema || ':g:' || left(k, 7000))
        from (select distinct groupname as k from stale) d;
    else
        perform pg_notify('wificore_radius', tg_table_schema || ':g:' || left(k, 7000))
        from (select groupname as k from fresh union select groupname from stale) d;
    end if;
    return null;
end $$;

drop trigger radcheck_notify on radcheck;
drop trigger radreply_notify on radreply;
drop trigger radusergroup_notify on radusergroup;
drop trigger radgroupcheck_notify on radgroupcheck;
drop trigger radgroupreply_notify on radgroupreply;
drop function radius_notify_change();

create trigger radcheck_notify_insert after insert on radcheck
    referencing new table as fresh for each statement execute function radius_notify_users();
create trigger radcheck_notify_update after update on radcheck
    referencing old table as stale new table as fresh for each statement execute function radius_notify_users();
create trigger radcheck_notify_delete after delete on radcheck
    referencing old table as stale for each statement execute function radius_notify_users();

create trigger radreply_notify_insert after insert on radreply
    referencing new table as fresh for each statement execute function radius_notify_users();
create trigger radreply_notify_update after update on radreply
    referencing old table as stale new table as fresh for each statement execute function radius_notify_users();
create trigger radreply_notify_delete after delete on radreply
    referencing old table as stale for each statement execute function radius_notify_users();

create trigger radusergroup_notify_insert after insert on radusergroup
    referencing new table as fresh for each statement execute function radius_notify_users();
create trigger radusergroup_notify_update after update on radusergroup
    referencing old table as stale new table as fresh for each statement execute function radius_notify_users();
create trigger radusergroup_notify_delete after delete on radusergroup
    referencing old table as stale for each statement execute function radius_notify_users();

create trigger radgroupcheck_notify_insert after insert on radgroupcheck
    referencing new table as fresh for each statement execute function radius_notify_groups();
create trigger radgroupcheck_notify_update after update on radgroupcheck
    referencing old table as stale new table as fresh for each statement execute function radius_notify_groups();
create trigger radgroupcheck_notify_delete after delete on radgroupcheck
    referencing old table as stale for each statement execute function radius_notify_groups();

create trigger radgroupreply_notify_insert after insert on radgroupreply
    referencing new table as fresh for each statement execute function radius_notify_groups();
create trigger radgroupreply_notify_update after update on radgroupreply
    referencing old table as stale new table as fresh for each statement execute function radius_notify_groups();
create trigger radgroupreply_notify_delete after delete on radgroupreply
    referencing old table as stale for each statement execute function radius_notify_groups();
