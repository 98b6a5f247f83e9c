-- The RADIUS cache-invalidation triggers read the one column they need instead of turning the
-- whole row into jsonb, twice for an UPDATE (bench/billing, session 13). Same trigger names,
-- same channel, same payloads ('<schema>:u:<username>', '<schema>:g:<groupname>'), same rule for
-- an UPDATE that changes the key (both the old and the new one are sent).
--
-- Why still per row: statement-level triggers with transition tables (one per INSERT, UPDATE and
-- DELETE: a trigger with transition tables may handle one event only) were tried and measured.
-- A settlement rewrites a user's rows in one statement of four data-modifying CTEs
-- (RadiusRows.write), and a statement-level trigger fires for each of them, also when it touched
-- no rows, each running a query over its transition table. Backend CPU per rewrite of one user's
-- rows (3 radcheck + 1 radreply), over the same rewrite without triggers, median of 3 x 6,000:
--   new user (4 inserts):           V2 (to_jsonb) 24 us, statement-level 24 us, these 11 us
--   renewal (4 deletes, 4 inserts): V2 (to_jsonb) 46 us, statement-level 29 us, these 26 us
-- Bulk writes would favour statement-level triggers; the seed disables these while it copies
-- (by name: radcheck_notify, radreply_notify), and staff imports are rare next to payments.
-- One function per key column: a shared one branching on tg_table_name cost ~5 us more.

create function radius_notify_user_change() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform pg_notify('wificore_radius', tg_table_schema || ':u:' || left(new.username, 7000));
    elsif tg_op = 'DELETE' then
        perform pg_notify('wificore_radius', tg_table_schema || ':u:' || left(old.username, 7000));
    else
        perform pg_notify('wificore_radius', tg_table_schema || ':u:' || left(new.username, 7000));
        if old.username is distinct from new.username then
            perform pg_notify('wificore_radius', tg_table_schema || ':u:' || left(old.username, 7000));
        end if;
    end if;
    return null;
end $$;

create function radius_notify_group_change() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform pg_notify('wificore_radius', tg_table_schema || ':g:' || left(new.groupname, 7000));
    elsif tg_op = 'DELETE' then
        perform pg_notify('wificore_radius', tg_table_schema || ':g:' || left(old.groupname, 7000));
    else
        perform pg_notify('wificore_radius', tg_table_schema || ':g:' || left(new.groupname, 7000));
        if old.groupname is distinct from new.groupname then
            perform pg_notify('wificore_radius', tg_table_schema || ':g:' || left(old.groupname, 7000));
        end if;
    end if;
    return null;
end $$;

create or replace trigger radcheck_notify after insert or update or delete on radcheck
    for each row execute function radius_notify_user_change();
create or replace trigger radreply_notify after insert or update or delete on radreply
    for each row execute function radius_notify_user_change();
create or replace trigger radusergroup_notify after insert or update or delete on radusergroup
    for each row execute function radius_notify_user_change();
create or replace trigger radgroupcheck_notify after insert or update or delete on radgroupcheck
    for each row execute function radius_notify_group_change();
create or replace trigger radgroupreply_notify after insert or update or delete on radgroupreply
    for each row execute function radius_notify_group_change();

drop function radius_notify_change();
