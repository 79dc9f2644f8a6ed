import type { ReportInput } from './dto/report-input.dto.js';
import { referencedIds, referenceProblems, type PilotPlan } from './report-references.js';

const plan: PilotPlan = {
  taskIds: new Set(['t1', 't2']),
  milestoneTask: new Map([
    ['m1', 't1'],
    ['m2', 't2'],
  ]),
  indicatorTask: new Map([['i1', 't1']]),
};

const line = (taskId: string, milestoneIds: string[] = []) => ({
  taskId,
  status: 'on_track' as const,
  percentComplete: 10,
  completedMilestones: milestoneIds.map((milestoneId) => ({ milestoneId, completedOn: '2024-01-01' })),
});

describe('report references', () => {
  it('accepts references that all belong to the pilot', () => {
    const input: ReportInput = { tasks: [line('t1', ['m1']), line('t2', ['m2'])], indicators: [{ indicatorId: 'i1', value: 1 }] };
    expect(referenceProblems(input, plan)).toEqual([]);
  });

  it('names a task of another pilot and a task given twice', () => {
    const input: ReportInput = { tasks: [line('t1'), line('x9'), line('t1')] };
    expect(referenceProblems(input, plan)).toEqual([
      'tasks.1.taskId x9 is not a task of this pilot',
      'tasks.2.taskId t1 appears more than once',
    ]);
  });

  it('names unknown, misplaced and repeated milestones', () => {
    const input: ReportInput = { tasks: [line('t1', ['m9', 'm2', 'm1', 'm1'])] };
    expect(referenceProblems(input, plan)).toEqual([
      'tasks.0.completedMilestones.0.milestoneId m9 is not a milestone of this pilot',
      'tasks.0.completedMilestones.1.milestoneId m2 belongs to another task',
      'tasks.0.completedMilestones.3.milestoneId m1 appears more than once',
    ]);
  });

  it('names unknown and repeated indicators', () => {
    const input: ReportInput = {
      tasks: [],
      indicators: [
        { indicatorId: 'i1', value: 1 },
        { indicatorId: 'i1', value: 2 },
        { indicatorId: 'i7', value: 3 },
      ],
    };
    expect(referenceProblems(input, plan)).toEqual([
      'indicators.1.indicatorId i1 appears more than once',
      'indicators.2.indicatorId i7 is not an indicator of this pilot',
    ]);
  });

  it('collects each referenced id once', () => {
    const input: ReportInput = { tasks: [line('t1', ['m1']), line('t1', ['m1'])], indicators: [{ indicatorId: 'i1', value: 1 }] };
    expect(referencedIds(input)).toEqual({ taskIds: ['t1'], milestoneIds: ['m1'], indicatorIds: ['i1'] });
  });
});
