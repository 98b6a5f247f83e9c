import { describe, expect, it } from 'vitest';
import { blankPayment, paymentProblems, paymentRequest, sellablePackages } from '../src/lib/payment.js';

describe('record payment form', () => {
  it('offers hotspot and trial packages that are not archived', () => {
    const names = sellablePackages([{ id: 'a', type: 'hotspot' }, { id: 'b', type: 'pppoe' }, { id: 'c', type: 'trial' },
      { id: 'd', type: 'hotspot', archivedAt: '2026-01-01T00:00:00Z' }]).map((p) => p.id);
    expect(names).toEqual(['a', 'c']);
    expect(sellablePackages(undefined)).toEqual([]);
  });

  it('builds a cash body for a package and an STK body for a bill', () => {
    const cash = paymentRequest({ ...blankPayment(), packageId: 'pkg-1', phone: ' 0712345678 ', amount: '50', mac: '' });
    expect(cash).toEqual({ path: '/api/payments/cash',
      body: { phone: '0712345678', amount: 50, purpose: 'HOTSPOT_PACKAGE', reference: 'pkg-1', mac: null } });
    const stk = paymentRequest({ ...blankPayment(), method: 'mpesa', purpose: 'PPPOE_BILL', packageId: 'ignored',
      account: 'ACC-9', phone: '0712345678', amount: 1500, mac: 'AA:BB:CC:DD:EE:FF' });
    expect(stk.path).toBe('/api/payments/stk');
    expect(stk.body).toEqual({ phone: '0712345678', amount: 1500, purpose: 'PPPOE_BILL', reference: 'ACC-9', mac: null });
    // an empty amount stays null, so the server's "must not be null" lands on the field
    expect(paymentRequest({ ...blankPayment(), amount: '' }).body.amount).toBeNull();
  });

  it('asks for a phone for an M-Pesa prompt or a hotspot package, and for what it pays', () => {
    expect(paymentProblems({ ...blankPayment() })).toEqual({ phone: 'is required for a hotspot package', reference: 'choose a package' });
    expect(paymentProblems({ ...blankPayment(), method: 'mpesa', purpose: 'PPPOE_BILL', account: 'ACC-1' }))
      .toEqual({ phone: 'is required for an M-Pesa prompt' });
    // cash for a bill: the phone is optional
    expect(paymentProblems({ ...blankPayment(), purpose: 'PPPOE_BILL', account: 'ACC-1' })).toEqual({});
  });
});
