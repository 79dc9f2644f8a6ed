import { content, task } from '../testing/fixtures';
import { diffReport } from './report-diff';

const tasks = [task('T01'), task('T02')];
const line = (taskId: string, status: 'on_track' | 'delayed' | 'completed', percentComplete: number, completed: string[] = []) => ({
  taskId,
  status,
  percentComplete,
  narrative: null,
  completedMilestones: completed.map((milestoneId) => ({ milestoneId, completedOn: '2026-09-01' })),
});
const experience = (title: string) => ({ id: title, title, summary: 's', category: 'energy' as const, tags: [], recommended: false });

describe('what changed between two versions of a report', () => {
  const previous = content({
    tasks: [line('task-T01', 'on_track', 40, ['m1-T01']), line('task-T02', 'on_track', 10)],
    indicators: [{ indicatorId: 'i-T01', value: 12, note: null }],
    experiences: [experience('old')],
  });
  const current = content({
    tasks: [line('task-T01', 'on_track', 60, ['m1-T01', 'm2-T01']), line('task-T02', 'delayed', 10)],
    indicators: [{ indicatorId: 'i-T01', value: 15, note: null }, { indicatorId: 'i-T02', value: 3, note: null }],
    experiences: [experience('old'), experience('new')],
  });

  it('marks status changes, progress deltas and newly completed milestones per task', () => {
    const diff = diffReport(tasks, current, previous);
    expect(diff.tasks.map((d) => [d.task.code, d.statusChanged, d.percentDelta, [...d.newlyCompleted]])).toEqual([
      ['T01', false, 20, ['m2-T01']],
      ['T02', true, 0, []],
    ]);
  });

  it('compares indicator values and flags experiences the baseline did not have', () => {
    const diff = diffReport(tasks, current, previous);
    expect(diff.indicators.map((d) => [d.indicator.id, d.delta])).toEqual([
      ['i-T01', 3],
      ['i-T02', null],
    ]);
    expect(diff.experiences.map((d) => [d.experience.title, d.isNew])).toEqual([
      ['old', false],
      ['new', true],
    ]);
    // T01 and T02 lines, both indicators (one new value) and one new experience.
    expect(diff.changeCount).toBe(5);
  });

  it('marks nothing as changed without a baseline', () => {
    const diff = diffReport(tasks, current, null);
    expect(diff.changeCount).toBe(0);
    expect(diff.tasks.every((d) => !d.statusChanged && d.percentDelta === null && d.newlyCompleted.size === 0)).toBe(true);
  });
});
