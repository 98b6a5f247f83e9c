-- Reports (docs/reports.md). Revenue reads settled payments by settlement time; without this index
-- every revenue report would scan the whole payments table.
create index payments_settled_idx on payments (settled_at) where status = 'settled';
-- "Expiring soon": active subscribers by expiry, read as a range in expiry order (and paginated).
create index subscribers_expiring on subscribers (expires_at, id) where status = 'active';
