-- Payments found by who paid or what for (GET /api/payments?q=, the web app's payment search and a subscriber's
-- payments): the phone and the reference (a package id, or a PPPoE account number), newest first. The receipt
-- is already unique (V6). V16-V17 are other branches', V18-V20 revenue days, SMS settings, time zone.
create index payments_phone_idx on payments (phone, created_at desc);
create index payments_reference_idx on payments (reference, created_at desc);
