import { describe, expect, it } from 'vitest';
import { bytes, dayIn, daysAgo, daysBefore, duration, money, timeAgo } from '../src/lib/format.js';
import { inUnit, tankPercent } from '../src/lib/water.js';

describe('format', () => {
  it('formats money, bytes and durations', () => {
    expect(money(1234.5, 'KES')).toBe('KES 1,234.5');
    expect(money(null)).toBe('—');
    expect(bytes(1536)).toBe('1.5 KB');
    expect(bytes(5 * 1024 ** 3)).toBe('5.0 GB');
    expect(duration(3725)).toBe('1h 2m');
    expect(duration(90000)).toBe('1d 1h');
  });

  it('counts days in UTC and says how long ago', () => {
    expect(daysAgo(6, new Date('2026-03-03T10:00:00Z'))).toBe('2026-02-25');
    // 22:30 UTC is already the next day in Nairobi (UTC+3): a tenant's reports end on its own today
    expect(dayIn('Africa/Nairobi', new Date('2026-03-03T22:30:00Z'))).toBe('2026-03-04');
    expect(dayIn('UTC', new Date('2026-03-03T22:30:00Z'))).toBe('2026-03-03');
    expect(dayIn('Not/AZone', new Date('2026-03-03T22:30:00Z'))).toBe('2026-03-03');
    expect(daysBefore('2026-03-01', 29)).toBe('2026-01-31');
    expect(timeAgo('2026-03-03T09:00:00Z', new Date('2026-03-03T10:00:00Z').getTime())).toBe('1 h ago');
    expect(timeAgo(null)).toBe('never');
  });

  it('reads a tank level as a clamped percentage', () => {
    expect(tankPercent({ tankCapacityLitres: 1000, tankLevelLitres: 250 })).toBe(25);
    expect(tankPercent({ tankCapacityLitres: 1000, tankLevelLitres: 2000 })).toBe(100);
    expect(tankPercent({})).toBeNull();
  });

  it('shows a water balance in its unit', () => {
    expect(inUnit('12.500', 'litres')).toBe('12.5 L');
    expect(inUnit(50, 'money', 'KES')).toBe('KES 50');
    expect(inUnit(null, 'litres')).toBe('—');
  });
});
