-- A PPPoE account number is typed as people remember it (acc-010 for ACC-010): the payment search
-- matches the reference in any case, through this expression index instead of V21's plain one.
create index payments_reference_ci_idx on payments (lower(reference), created_at desc);
drop index payments_reference_idx;
