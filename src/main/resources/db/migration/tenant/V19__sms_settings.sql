-- A tenant's own SMS account (issue 8, Settings → SMS). Without a row, or with provider 'platform', messages go
-- through the platform's provider (WIFICORE_SMS_*); 'africastalking' sends through the tenant's own Africa's
-- Talking application (its username, sender id and API key, the key sealed with SecretBox like the Daraja
-- secrets); 'off' sends nothing. V16-V17 are other branches'; V18 is revenue_days.
create table sms_settings (
    id             boolean primary key default true check (id),
    provider       text not null check (provider in ('platform', 'africastalking', 'off')),
    username       text,
    sender         text,
    api_key_sealed bytea,
    updated_at     timestamptz not null default now(),
    check (provider <> 'africastalking' or (username is not null and api_key_sealed is not null))
);
