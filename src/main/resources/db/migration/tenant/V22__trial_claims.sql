-- One free trial per phone, and per device when the NAS told us its MAC, for each free package:
-- the unique keys make a second claim (or two at once) fail instead of handing out another.
create table trial_claims (
    package_id  uuid not null references packages (id),
    phone       text not null,
    mac_address text,
    claimed_at  timestamptz not null default now(),
    primary key (package_id, phone)
);
create unique index trial_claims_device on trial_claims (package_id, mac_address) where mac_address is not null;
