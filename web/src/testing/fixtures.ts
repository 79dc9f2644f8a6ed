import type { ReportContent, Task } from '../api/types';

/** Small, complete API objects for the unit tests. */
export function task(code: string, overrides: Partial<Task> = {}): Task {
  return {
    id: `task-${code}`,
    pilotId: 'pilot-1',
    code,
    title: `Task ${code}`,
    category: 'energy',
    description: null,
    leadUnit: null,
    startDate: null,
    dueDate: '2026-12-31',
    milestones: [
      { id: `m1-${code}`, title: `First milestone of ${code}`, dueDate: '2026-03-31' },
      { id: `m2-${code}`, title: `Second milestone of ${code}`, dueDate: '2026-09-30' },
    ],
    indicators: [{ id: `i-${code}`, name: `Indicator of ${code}`, unit: '%', baseline: 10, baselineYear: 2020, target: 20, targetYear: 2030, direction: 'increase' }],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function content(overrides: Partial<ReportContent> = {}): ReportContent {
  return { summary: null, tasks: [], indicators: [], experiences: [], attachments: [], ...overrides };
}
