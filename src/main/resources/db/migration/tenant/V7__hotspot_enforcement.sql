-- Enforcement (docs/hotspot.md#enforcement): the sweep marks subscribers it cut off, so a
-- second sweep finds nothing new and a purchase knows what to lift. V7, not V6: V6 is
-- taken by billing's payments on its branch.
alter table subscribers drop constraint subscribers_status_check;
alter table subscribers add constraint subscribers_status_check
    check (status in ('active', 'blocked', 'disabled', 'expired', 'over_quota'));

-- What each sweep looks for, among active subscribers only (small partial indexes).
create index subscribers_active_expiry on subscribers (expires_at) where status = 'active';
create index subscribers_active_due on subscribers (next_due_at) where status = 'active' and kind = 'pppoe';
create index subscribers_active_capped on subscribers (username)
    where status = 'active' and terms_data_cap_bytes is not null;
