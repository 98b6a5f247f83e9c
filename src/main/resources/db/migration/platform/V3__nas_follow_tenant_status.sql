-- RADIUS serves the NAS of active tenants only; a suspension or reactivation must reach
-- every node's NAS directory at once, like a change to nas_clients itself.
create function tenants_notify_nas() returns trigger
    language plpgsql as $$
begin
    perform pg_notify('wificore_nas', '');
    return null;
end $$;
create trigger tenants_notify_nas after update of status on tenants
    for each row when (old.status is distinct from new.status)
    execute function tenants_notify_nas();
