import type { Period } from '../api/types';

const byStart = (a: Period, b: Period) => a.startDate.localeCompare(b.startDate);

/**
 * The period a pilot should be reporting on today: one whose window has ended and whose
 * deadline has not passed (reports are written after the period), else the one under way,
 * else the next one, else the latest. Closed periods accept no reports and are skipped.
 */
export function currentPeriod(periods: Period[], today: string): Period | undefined {
  const open = periods.filter((p) => !p.closed).sort(byStart);
  return (
    open.find((p) => p.endDate < today && today <= p.dueDate) ??
    open.find((p) => p.startDate <= today && today <= p.endDate) ??
    open.find((p) => p.startDate > today) ??
    open.at(-1) ??
    [...periods].sort(byStart).at(-1)
  );
}

/**
 * The period reviewers look at by default: the latest one that has ended (its reports are
 * coming in or in), else the latest that has started, else the first.
 */
export function latestReportedPeriod(periods: Period[], today: string): Period | undefined {
  const sorted = [...periods].sort(byStart);
  return sorted.filter((p) => p.endDate < today).at(-1) ?? sorted.filter((p) => p.startDate <= today).at(-1) ?? sorted[0];
}
