import { describe, expect, it } from 'vitest';
import { fromLocalInput, subscriberChange, subscriberValues, toLocalInput } from '../src/lib/subscriber.js';

describe('subscriber edit form', () => {
  it('turns an instant into a datetime-local value and back, in the browser zone', () => {
    const iso = '2026-03-03T21:30:00.000Z';
    const local = toLocalInput(iso);
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(fromLocalInput(local)).toBe(iso);
    const d = new Date(iso);
    expect(local).toBe(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}T${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`);
    expect(toLocalInput(null)).toBe('');
    expect(toLocalInput('nonsense')).toBe('');
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('2026-13-99')).toBeNull();
    expect(fromLocalInput('2026-03-03T10:15:30')).toBe(new Date(2026, 2, 3, 10, 15, 30).toISOString());
  });

  const hotspot = { kind: 'hotspot', username: '254712345678', packageId: 'p1', expiresAt: '2026-03-03T21:30:00Z',
    macAddress: 'AA:BB:CC:00:11:22', staticIp: null, ipPool: null, nextDueAt: null, graceDays: 0 };
  const pppoe = { kind: 'pppoe', username: 'home1', packageId: 'p9', expiresAt: '2026-04-04T00:00:00Z', macAddress: null,
    staticIp: null, ipPool: 'pool-a', nextDueAt: '2026-04-01T00:00:00Z', graceDays: 3 };

  it('sends nothing when nothing changed', () => {
    expect(subscriberChange(hotspot, subscriberValues(hotspot))).toEqual({});
    expect(subscriberChange(pppoe, subscriberValues(pppoe))).toEqual({});
  });

  it('sends only what changed; an emptied MAC clears it; a blank password keeps it', () => {
    const v = { ...subscriberValues(hotspot), macAddress: '', expiresAt: '2026-05-01T12:00', packageId: 'p2' };
    expect(subscriberChange(hotspot, v)).toEqual({ macAddress: '', expiresAt: new Date(2026, 4, 1, 12, 0).toISOString(), packageId: 'p2' });
    // a hotspot user has no username, IP or due date to edit, even if the values differ
    expect(subscriberChange(hotspot, { ...subscriberValues(hotspot), username: 'x', staticIp: '10.0.0.1', password: 'new-secret-1' }))
      .toEqual({ password: 'new-secret-1' });
  });

  it('edits a PPPoE account: username, pool to static IP, due date and grace', () => {
    const v = { ...subscriberValues(pppoe), username: ' home2 ', ipPool: '', staticIp: '10.1.1.5', graceDays: '5',
      nextDueAt: '2026-05-01T00:00', expiresAt: '2030-01-01T00:00' };
    expect(subscriberChange(pppoe, v)).toEqual({ username: 'home2', ipPool: '', staticIp: '10.1.1.5', graceDays: 5,
      nextDueAt: new Date(2026, 4, 1).toISOString() });
  });
});
