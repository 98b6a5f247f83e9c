-- Idempotency per (dispenser, device sequence) as bitmap blocks instead of one key row per
-- dispense (ADR 0011). A block holds 64 consecutive sequences of one dispenser: bit (seq & 63)
-- of block (seq >> 6) is set once that sequence is booked. A batch of 1,000 contiguous
-- sequences upserts about 16 rows instead of inserting 1,000, and the upsert serialises
-- concurrent uploads of one sequence on the block's row lock, so it is still booked once.
create table water_dispense_seqs (
    dispenser_id uuid not null,
    block        bigint not null,
    bits         bigint not null,
    -- the bits the latest upsert added, which its RETURNING answers (PostgreSQL 17 cannot return
    -- the row's old value from ON CONFLICT DO UPDATE); meaningless between uploads
    fresh        bigint not null,
    -- the newest dispense in the block: retention prunes a block when this day is retired
    last_at      timestamptz not null,
    primary key (dispenser_id, block)
) with (fillfactor = 70); -- room on the page, so re-uploads into a block stay HOT updates

insert into water_dispense_seqs (dispenser_id, block, bits, fresh, last_at)
select dispenser_id, device_seq >> 6, bit_or(1::bigint << (device_seq & 63)::int), 0, max(dispensed_at)
from water_dispense_keys
group by 1, 2;

drop table water_dispense_keys;
