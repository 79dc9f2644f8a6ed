import type { Report } from '../api/types';
import { content, task } from '../testing/fixtures';
import { initialFormValues, toReportInput } from './report-form';

const tasks = [task('T01'), task('T02', { indicators: [] })];

function report(overrides: Partial<Report> = {}): Report {
  return {
    ...content(),
    id: 'report-1',
    pilotId: 'pilot-1',
    periodId: 'period-1',
    status: 'draft',
    revision: 0,
    submittedAt: null,
    reviews: [],
    createdAt: '2026-10-01T00:00:00.000Z',
    updatedAt: '2026-10-01T00:00:00.000Z',
    ...overrides,
  } as Report;
}

describe('the report form', () => {
  it('starts every task not started at 0 % when there is no report yet', () => {
    const values = initialFormValues(tasks, null);
    expect(values.tasks.map((line) => [line.taskId, line.status, line.percentComplete])).toEqual([
      ['task-T01', 'not_started', 0],
      ['task-T02', 'not_started', 0],
    ]);
    expect(values.tasks[0]!.milestones.map((m) => m.reached)).toEqual([false, false]);
    expect(values.indicators).toEqual([{ indicatorId: 'i-T01', value: null, note: '' }]);
  });

  it('fills the rows from the saved report', () => {
    const saved = report({
      summary: 'ok',
      tasks: [{ taskId: 'task-T01', status: 'on_track', percentComplete: 40, narrative: 'n', completedMilestones: [{ milestoneId: 'm2-T01', completedOn: '2026-09-01' }] }],
      indicators: [{ indicatorId: 'i-T01', value: 12.5, note: null }],
    });
    const values = initialFormValues(tasks, saved);
    expect(values.summary).toBe('ok');
    expect(values.tasks[0]).toMatchObject({ status: 'on_track', percentComplete: 40, narrative: 'n' });
    expect(values.tasks[0]!.milestones[1]).toEqual({ milestoneId: 'm2-T01', reached: true, completedOn: '2026-09-01' });
    expect(values.indicators[0]).toEqual({ indicatorId: 'i-T01', value: 12.5, note: '' });
  });

  it('sends every task, only the milestones reached with a date and only the indicators with a value', () => {
    const values = initialFormValues(tasks, null);
    values.tasks[0]!.milestones[0] = { milestoneId: 'm1-T01', reached: true, completedOn: null };
    values.tasks[0]!.milestones[1] = { milestoneId: 'm2-T01', reached: true, completedOn: '2026-09-20' };
    values.tasks[1]!.narrative = '  ';
    const { body } = toReportInput(values);
    expect(body.tasks).toHaveLength(2);
    expect(body.tasks[0]!.completedMilestones).toEqual([{ milestoneId: 'm2-T01', completedOn: '2026-09-20' }]);
    expect(body.tasks[1]!.narrative).toBeUndefined();
    expect(body.indicators).toEqual([]);
  });

  it('maps the paths the API names in a 400 back to the form fields they came from', () => {
    const values = initialFormValues([task('T01'), task('T02')], null);
    values.tasks[0]!.milestones[1] = { milestoneId: 'm2-T01', reached: true, completedOn: '2026-09-20' };
    values.indicators[1]!.value = 5;
    values.experiences = [{ title: 't', summary: 's', category: 'water', tags: ['a'] }];
    const { fieldOf } = toReportInput(values);
    expect(fieldOf('tasks.1.percentComplete')).toEqual(['tasks', 1, 'percentComplete']);
    expect(fieldOf('tasks.0.completedMilestones.0.completedOn')).toEqual(['tasks', 0, 'milestones', 1, 'completedOn']);
    expect(fieldOf('indicators.0.value')).toEqual(['indicators', 1, 'value']);
    expect(fieldOf('experiences.0.tags.0')).toEqual(['experiences', 0, 'tags']);
    expect(fieldOf('tasks.0.completedMilestones')).toBeNull();
  });
});
