/**
 * Billing: payments and their ledger — M-Pesa Daraja STK push and C2B paybill, a built-in
 * Daraja simulator for one-machine installs, idempotent settlement, receipts. What a
 * settled payment buys is decided elsewhere: the module that sells (hotspot) implements
 * {@link com.traidnet.wificore.billing.PaymentFulfilment}, called inside the settlement's
 * transaction so a payment is never settled without what it paid for, nor the reverse.
 */
package com.traidnet.wificore.billing;
