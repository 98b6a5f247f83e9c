import { money } from './format.js';

// Readers for the water API's shapes (docs/water.md): balances and token values are in the tenant's unit.
export const tankPercent = (d) => (d?.tankCapacityLitres ? Math.max(0, Math.min(100, Math.round((Number(d.tankLevelLitres) || 0) / Number(d.tankCapacityLitres) * 100))) : null);

/** A balance, debit or token value in its unit: litres ("12.5 L") or money ("KES 50"). */
export function inUnit(value, unit, currency) {
  if (value === null || value === undefined || value === '') return '—';
  if (unit === 'litres') return `${Number(value).toLocaleString('en-KE', { maximumFractionDigits: 3 })} L`;
  return money(value, currency);
}
