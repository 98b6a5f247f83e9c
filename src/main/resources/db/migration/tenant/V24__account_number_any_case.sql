-- A PPPoE customer types the account number on the paybill as they remember it (acc-42 for ACC-42): a
-- payment finds its account in any case when no account matches exactly (and only one matches so).
create index subscribers_account_ci on subscribers (lower(account_number)) where account_number is not null;
