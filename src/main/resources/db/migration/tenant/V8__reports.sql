-- Reports (docs/reports.md). Revenue reads settled payments by settlement time; without this index
-- every revenue report would scan the whole payments table. ("Expiring soon" reads V7's
-- subscribers_active_expiry, the index enforcement sweeps with.)
create index payments_settled_idx on payments (settled_at) where status = 'settled';
