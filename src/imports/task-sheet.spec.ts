import { BadRequestException } from '@nestjs/common';
import { ImportErrors } from './import-errors.js';
import type { TaskValues } from './layouts.js';
import { childKey, taskKey, TaskSheet, type KnownTasks } from './task-sheet.js';

const PILOT = 'pilot-uuid';
const nothingKnown = (): KnownTasks => ({ pilotIds: new Map([['p1', PILOT]]), tasks: new Map(), milestones: new Set(), indicators: new Map() });

function sheetOf(rows: TaskValues[]): { sheet: TaskSheet; errors: ImportErrors } {
  const errors = new ImportErrors();
  const sheet = new TaskSheet(errors);
  rows.forEach((values, index) => sheet.add({ row: index + 2, values, invalid: new Set() }));
  return { sheet, errors };
}

function problemsOf(plan: () => unknown): unknown {
  try {
    plan();
  } catch (error) {
    return ((error as BadRequestException).getResponse() as { errors: unknown }).errors;
  }
  throw new Error('expected the plan to be refused');
}

const newTask: TaskValues = { pilot_code: 'p1', task_code: 'T1', title: 'Task', category: 'energy', due_date: '2026-12-31' };

describe('TaskSheet', () => {
  it('gathers the rows of a task with its milestones and indicators, in order', () => {
    const { sheet } = sheetOf([
      { ...newTask, milestone_title: 'm1', milestone_due_date: '2025-06-30', indicator_name: 'i1', indicator_unit: '%', baseline: 1, target: 2, target_year: 2030, direction: 'increase' },
      { pilot_code: 'p1', task_code: 'T1', milestone_title: 'm2', milestone_due_date: '2025-09-30' },
      { pilot_code: 'p1', task_code: 'T1', milestone_title: 'm1' },
    ]);
    const plan = sheet.plan(nothingKnown());
    expect(plan.newTasks).toEqual([
      { key: taskKey(PILOT, 'T1'), pilotId: PILOT, code: 'T1', title: 'Task', category: 'energy', description: null, leadUnit: null, startDate: null, dueDate: '2026-12-31' },
    ]);
    expect(plan.newMilestones.map((m) => [m.title, m.dueDate, m.ordinal])).toEqual([
      ['m1', '2025-06-30', 0],
      ['m2', '2025-09-30', 1],
    ]);
    expect(plan.newIndicators).toEqual([
      { taskKey: taskKey(PILOT, 'T1'), name: 'i1', ordinal: 0, unit: '%', baseline: 1, baselineYear: null, target: 2, targetYear: 2030, direction: 'increase' },
    ]);
  });

  it('updates stored tasks with what the sheet gives, and checks dates against stored ones', () => {
    const known = nothingKnown();
    (known.tasks as Map<string, unknown>).set(taskKey(PILOT, 'T1'), { id: 'task-uuid', startDate: null, dueDate: '2025-01-31' });
    (known.milestones as Set<string>).add(childKey('task-uuid', 'm1'));
    (known.indicators as Map<string, unknown>).set(childKey('task-uuid', 'i1'), { baselineYear: 2020, targetYear: 2030 });

    const ok = sheetOf([{ pilot_code: 'p1', task_code: 'T1', lead_unit: 'Bureau', milestone_title: 'm1', milestone_due_date: '2025-03-31', indicator_name: 'i1', target: 9 }]);
    const plan = ok.sheet.plan(known);
    expect(plan.taskUpdates).toEqual([
      { key: taskKey(PILOT, 'T1'), id: 'task-uuid', title: null, category: null, description: null, leadUnit: 'Bureau', startDate: null, dueDate: null },
    ]);
    expect(plan.milestoneUpdates).toEqual([{ taskId: 'task-uuid', title: 'm1', dueDate: '2025-03-31' }]);
    expect(plan.indicatorUpdates).toEqual([
      { taskId: 'task-uuid', name: 'i1', unit: null, baseline: null, baselineYear: null, target: 9, targetYear: null, direction: null },
    ]);

    const late = sheetOf([{ pilot_code: 'p1', task_code: 'T1', start_date: '2025-02-01', indicator_name: 'i1', baseline_year: 2031 }]);
    expect(problemsOf(() => late.sheet.plan(known))).toEqual([
      { row: 2, column: 'start_date', message: 'start_date 2025-02-01 must not be after due_date 2025-01-31' },
      { row: 2, column: 'baseline_year', message: 'baseline_year 2031 must not be after target_year 2030' },
    ]);
  });

  it('names what a new task, milestone or indicator lacks', () => {
    const { sheet } = sheetOf([{ pilot_code: 'p1', task_code: 'T9', milestone_title: 'm', indicator_name: 'i', indicator_unit: '%' }]);
    expect(problemsOf(() => sheet.plan(nothingKnown()))).toEqual([
      { row: 2, column: 'title', message: 'is required for a new task' },
      { row: 2, column: 'category', message: 'is required for a new task' },
      { row: 2, column: 'due_date', message: 'is required for a new task' },
      { row: 2, column: 'milestone_due_date', message: 'is required for a new milestone' },
      { row: 2, column: 'baseline', message: 'is required for a new indicator' },
      { row: 2, column: 'target', message: 'is required for a new indicator' },
      { row: 2, column: 'target_year', message: 'is required for a new indicator' },
      { row: 2, column: 'direction', message: 'is required for a new indicator' },
    ]);
  });

  it('reports contradicting rows, unknown pilots on every row, and the template example', () => {
    const { sheet } = sheetOf([
      newTask,
      { pilot_code: 'p1', task_code: 'T1', category: 'water' },
      { ...newTask, pilot_code: 'nowhere' },
      { ...newTask, pilot_code: 'nowhere', task_code: 'T2' },
      { ...newTask, pilot_code: 'example-pilot' },
    ]);
    expect(problemsOf(() => sheet.plan(nothingKnown()))).toEqual([
      { row: 3, column: 'category', message: 'differs from row 2, which gives "energy"' },
      { row: 6, column: 'pilot_code', message: `"example-pilot" is the template's example row: replace it with your own rows` },
      { row: 4, column: 'pilot_code', message: 'unknown pilot code "nowhere"' },
      { row: 5, column: 'pilot_code', message: 'unknown pilot code "nowhere"' },
    ]);
  });
});
