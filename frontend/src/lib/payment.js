// The "Record payment" form: what the staff chose → the body of POST /api/payments/cash or /stk.

/** Packages a payment can buy at the counter: hotspot and trial ones, not archived. */
export function sellablePackages(packages) {
  return (packages ?? []).filter((p) => (p.type === 'hotspot' || p.type === 'trial') && !p.archivedAt);
}

/** A blank form: cash for a hotspot package. */
export function blankPayment() {
  return { method: 'cash', purpose: 'HOTSPOT_PACKAGE', packageId: '', account: '', phone: '', amount: '', mac: '' };
}

/**
 * What the form can tell before asking the server, as {field: message} (the API's field names):
 * an M-Pesa prompt goes to a phone, and a hotspot package is bought for a phone (its username).
 */
export function paymentProblems(v) {
  const problems = {};
  const phoneNeeded = v.method === 'mpesa' || v.purpose === 'HOTSPOT_PACKAGE';
  if (phoneNeeded && !String(v.phone ?? '').trim()) {
    problems.phone = v.method === 'mpesa' ? 'is required for an M-Pesa prompt' : 'is required for a hotspot package';
  }
  const reference = v.purpose === 'PPPOE_BILL' ? v.account : v.packageId;
  if (!String(reference ?? '').trim()) {
    problems.reference = v.purpose === 'PPPOE_BILL' ? 'give the account number' : 'choose a package';
  }
  return problems;
}

const blankToNull = (s) => {
  const t = String(s ?? '').trim();
  return t === '' ? null : t;
};

/** {path, body} for the API; an empty amount stays null so the server names the field. */
export function paymentRequest(v) {
  const body = {
    phone: blankToNull(v.phone),
    amount: v.amount === '' || v.amount == null ? null : Number(v.amount),
    purpose: v.purpose,
    reference: blankToNull(v.purpose === 'PPPOE_BILL' ? v.account : v.packageId),
    mac: v.purpose === 'HOTSPOT_PACKAGE' ? blankToNull(v.mac) : null,
  };
  return { path: v.method === 'mpesa' ? '/api/payments/stk' : '/api/payments/cash', body };
}
