// The water API is built by its own module (issue: water); these readers tolerate the field
// names it may use for volume and time, so the pages work against it as it lands.
export const litresOf = (t) => Number(t?.litres ?? t?.volumeLitres ?? t?.dispensedLitres ?? 0) || 0;
export const amountOf = (t) => Number(t?.amount ?? t?.price ?? t?.total ?? 0) || 0;
export const timeOf = (t) => t?.dispensedAt ?? t?.at ?? t?.createdAt ?? t?.occurredAt ?? null;
export const tankPercent = (d) => (d?.tankCapacityLitres ? Math.max(0, Math.min(100, Math.round((Number(d.tankLevelLitres) || 0) / Number(d.tankCapacityLitres) * 100))) : null);
