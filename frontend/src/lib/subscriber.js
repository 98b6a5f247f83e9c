// The subscriber edit form: datetime-local fields and the PATCH body (only what changed).

const pad = (n) => String(n).padStart(2, '0');

/** An ISO instant → the value of an <input type="datetime-local"> in the browser's zone ('' for none). */
export function toLocalInput(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value (the browser's zone) → an ISO instant; null for empty or unreadable. */
export function fromLocalInput(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value ?? '');
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** The form's values for a subscriber as the API answers it. */
export function subscriberValues(s) {
  return {
    packageId: s.packageId ?? '', expiresAt: toLocalInput(s.expiresAt), macAddress: s.macAddress ?? '',
    username: s.username ?? '', staticIp: s.staticIp ?? '', ipPool: s.ipPool ?? '',
    nextDueAt: toLocalInput(s.nextDueAt), graceDays: s.graceDays ?? 0, password: '',
  };
}

/**
 * The PATCH body: only the fields that changed (absent = keep). An emptied MAC, static IP or pool
 * is sent as '' (the API clears it); an emptied date is left out (the API cannot clear it); a PPPoE account
 * changes its next due date, not its expiry; an
 * empty new password keeps the old one. Hotspot subscribers have no username, IP or due date to edit.
 */
export function subscriberChange(s, v) {
  const before = subscriberValues(s);
  const body = {};
  const changed = (k) => String(v[k] ?? '').trim() !== String(before[k] ?? '').trim();
  if (v.packageId && changed('packageId')) body.packageId = v.packageId;
  if (changed('macAddress')) body.macAddress = String(v.macAddress ?? '').trim();
  // a PPPoE account's expiry is its next due date plus the grace days (the API computes it)
  for (const k of s.kind === 'pppoe' ? ['nextDueAt'] : ['expiresAt']) {
    const at = fromLocalInput(v[k]);
    if (changed(k) && at) body[k] = at;
  }
  if (s.kind === 'pppoe') {
    if (changed('username')) body.username = String(v.username ?? '').trim();
    if (changed('staticIp')) body.staticIp = String(v.staticIp ?? '').trim();
    if (changed('ipPool')) body.ipPool = String(v.ipPool ?? '').trim();
    if (changed('graceDays') && v.graceDays !== '' && v.graceDays != null) body.graceDays = Number(v.graceDays);
  }
  if (v.password) body.password = v.password;
  return body;
}
