import type { Period } from '../api/types';
import { currentPeriod, latestReportedPeriod } from './periods';

const period = (label: string, startDate: string, endDate: string, dueDate: string, closed = false): Period => ({
  id: label,
  label,
  startDate,
  endDate,
  dueDate,
  closed,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

const q3 = period('2026-Q3', '2026-07-01', '2026-09-30', '2026-10-15');
const q4 = period('2026-Q4', '2026-10-01', '2026-12-31', '2027-01-15');
const periods = [q4, q3];

describe('the period a pilot reports on', () => {
  it('is the one whose window ended and whose deadline has not passed', () => {
    expect(currentPeriod(periods, '2026-10-05')?.label).toBe('2026-Q3');
  });

  it('is otherwise the one under way', () => {
    expect(currentPeriod(periods, '2026-11-29')?.label).toBe('2026-Q4');
  });

  it('skips closed periods and falls back to the latest open one', () => {
    expect(currentPeriod([q4, { ...q3, closed: true }], '2026-10-05')?.label).toBe('2026-Q4');
    expect(currentPeriod(periods, '2027-03-01')?.label).toBe('2026-Q4');
  });

  it('is the next one before any has started', () => {
    expect(currentPeriod(periods, '2026-06-01')?.label).toBe('2026-Q3');
  });
});

describe('the period reviewers look at first', () => {
  it('is the latest that has ended', () => {
    expect(latestReportedPeriod(periods, '2026-11-29')?.label).toBe('2026-Q3');
    expect(latestReportedPeriod(periods, '2027-02-01')?.label).toBe('2026-Q4');
  });

  it('is the one under way when none has ended', () => {
    expect(latestReportedPeriod(periods, '2026-08-01')?.label).toBe('2026-Q3');
  });
});
