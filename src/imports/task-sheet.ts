import type { IndicatorDirection, TaskCategory } from '../common/domain.js';
import type { ImportErrors } from './import-errors.js';
import { EXAMPLE_PILOT_CODE, EXAMPLE_ROW_PROBLEM, type TaskLayout } from './layouts.js';
import { FieldValues } from './sheet/field-values.js';
import type { ParsedRow } from './sheet/layout.js';

const TASK_FIELDS = ['title', 'category', 'lead_unit', 'start_date', 'due_date', 'description'] as const;
const MILESTONE_FIELDS = ['milestone_due_date'] as const;
const INDICATOR_FIELDS = ['indicator_unit', 'baseline', 'baseline_year', 'target', 'target_year', 'direction'] as const;
const NEW_INDICATOR_FIELDS = ['indicator_unit', 'baseline', 'target', 'target_year', 'direction'] as const;

type TaskRow = ParsedRow<TaskLayout>;
type Fields<K extends keyof TaskLayout & string> = FieldValues<TaskLayout, K>;

/** Identifies a task across the plan: `<pilot id>/<task code>` (task codes hold no "/"). */
export const taskKey = (pilotId: string, code: string): string => `${pilotId}/${code}`;
/** Identifies a milestone (by title) or an indicator (by name) within its task. */
export const childKey = (taskId: string, name: string): string => `${taskId}\u0000${name}`;

/** What the database already holds for the tasks a file names. */
export interface KnownTasks {
  pilotIds: ReadonlyMap<string, string>;
  tasks: ReadonlyMap<string, { id: string; startDate: string | null; dueDate: string }>;
  /** `childKey(taskId, title)` of every existing milestone of those tasks. */
  milestones: ReadonlySet<string>;
  indicators: ReadonlyMap<string, { baselineYear: number | null; targetYear: number }>;
}

/** Task columns; null keeps the stored value (only new tasks have every required one). */
export interface TaskFields {
  title: string | null;
  category: TaskCategory | null;
  description: string | null;
  leadUnit: string | null;
  startDate: string | null;
  dueDate: string | null;
}

export interface IndicatorFields {
  unit: string | null;
  baseline: number | null;
  baselineYear: number | null;
  target: number | null;
  targetYear: number | null;
  direction: IndicatorDirection | null;
}

export type NewTask = TaskFields & { key: string; pilotId: string; code: string };
/** A stored task the sheet names, changed or not (the update leaves unchanged ones alone). */
export type TaskUpdate = TaskFields & { key: string; id: string };
/** `ordinal` orders a task's new milestones and indicators after its existing ones. */
export type NewMilestone = { taskKey: string; title: string; dueDate: string; ordinal: number };
export type MilestoneUpdate = { taskId: string; title: string; dueDate: string };
export type NewIndicator = IndicatorFields & { taskKey: string; name: string; ordinal: number };
export type IndicatorUpdate = IndicatorFields & { taskId: string; name: string };

/** The writes an import makes; new milestones and indicators name their task by `taskKey`. */
export interface TaskImportPlan {
  newTasks: NewTask[];
  taskUpdates: TaskUpdate[];
  newMilestones: NewMilestone[];
  milestoneUpdates: MilestoneUpdate[];
  newIndicators: NewIndicator[];
  indicatorUpdates: IndicatorUpdate[];
}

interface ChildDraft<K extends keyof TaskLayout & string> {
  row: number;
  fields: Fields<K>;
}

interface TaskDraft {
  pilotCode: string;
  code: string;
  row: number;
  fields: Fields<(typeof TASK_FIELDS)[number]>;
  milestones: Map<string, ChildDraft<(typeof MILESTONE_FIELDS)[number]>>;
  indicators: Map<string, ChildDraft<(typeof INDICATOR_FIELDS)[number]>>;
}

/**
 * Gathers the rows of a task sheet into tasks with their milestones and indicators, then checks
 * them against what the database holds and turns them into the writes to make.
 */
export class TaskSheet {
  private readonly tasks = new Map<string, TaskDraft>();
  private readonly rowsByPilot = new Map<string, number[]>();

  constructor(private readonly errors: ImportErrors) {}

  add(row: TaskRow): void {
    const { pilot_code: pilotCode, task_code: code } = row.values;
    if (pilotCode === undefined || code === undefined) {
      for (const key of ['pilot_code', 'task_code'] as const) {
        if (row.values[key] === undefined && !row.invalid.has(key)) this.errors.add(row.row, key, 'is required on every row');
      }
      return;
    }
    if (pilotCode === EXAMPLE_PILOT_CODE) {
      this.errors.add(row.row, 'pilot_code', EXAMPLE_ROW_PROBLEM);
      return;
    }
    const pilotRows = this.rowsByPilot.get(pilotCode);
    if (pilotRows) pilotRows.push(row.row);
    else this.rowsByPilot.set(pilotCode, [row.row]);
    const key = `${pilotCode}/${code}`;
    let task = this.tasks.get(key);
    if (!task) {
      task = { pilotCode, code, row: row.row, fields: new FieldValues(TASK_FIELDS), milestones: new Map(), indicators: new Map() };
      this.tasks.set(key, task);
    }
    task.fields.add(row, this.errors);
    this.addChild(row, task.milestones, 'milestone_title', MILESTONE_FIELDS);
    this.addChild(row, task.indicators, 'indicator_name', INDICATOR_FIELDS);
  }

  /** Every pilot code and task code the sheet names. */
  references(): { pilotCodes: string[]; tasks: { pilotCode: string; code: string }[] } {
    return {
      pilotCodes: [...this.rowsByPilot.keys()],
      tasks: [...this.tasks.values()].map(({ pilotCode, code }) => ({ pilotCode, code })),
    };
  }

  /** Checks the sheet against the database and answers the writes; throws the 400 with every problem. */
  plan(known: KnownTasks): TaskImportPlan {
    this.checkPilots(known);
    const plan: TaskImportPlan = { newTasks: [], taskUpdates: [], newMilestones: [], milestoneUpdates: [], newIndicators: [], indicatorUpdates: [] };
    for (const task of this.tasks.values()) {
      const pilotId = known.pilotIds.get(task.pilotCode);
      if (pilotId !== undefined) this.planTask(task, pilotId, known, plan);
    }
    this.errors.throwIfAny();
    return plan;
  }

  private addChild<K extends keyof TaskLayout & string>(
    row: TaskRow,
    children: Map<string, ChildDraft<K>>,
    nameKey: 'milestone_title' | 'indicator_name',
    keys: readonly K[],
  ): void {
    const name = row.values[nameKey];
    if (name === undefined) {
      const given = keys.filter((key) => row.values[key] !== undefined || row.invalid.has(key));
      if (given.length && !row.invalid.has(nameKey)) this.errors.add(row.row, nameKey, `is required when ${given.join(', ')} is given`);
      return;
    }
    let child = children.get(name);
    if (!child) {
      child = { row: row.row, fields: new FieldValues(keys) };
      children.set(name, child);
    }
    child.fields.add(row, this.errors);
  }

  private checkPilots(known: KnownTasks): void {
    for (const [pilotCode, rows] of this.rowsByPilot) {
      if (!known.pilotIds.has(pilotCode)) for (const row of rows) this.errors.add(row, 'pilot_code', `unknown pilot code "${pilotCode}"`);
    }
  }

  private planTask(task: TaskDraft, pilotId: string, known: KnownTasks, plan: TaskImportPlan): void {
    const key = taskKey(pilotId, task.code);
    const stored = known.tasks.get(key);
    const { fields } = task;
    if (!stored) fields.requireAll(['title', 'category', 'due_date'], task.row, 'a new task', this.errors);
    const startDate = fields.value('start_date') ?? stored?.startDate ?? null;
    const dueDate = fields.value('due_date') ?? stored?.dueDate ?? null;
    if (startDate !== null && dueDate !== null && startDate > dueDate) {
      const column = fields.rowOf('start_date') !== undefined ? 'start_date' : 'due_date';
      this.errors.add(fields.rowOf(column)!, column, `start_date ${startDate} must not be after due_date ${dueDate}`);
    }
    const values: TaskFields = {
      title: fields.value('title') ?? null,
      category: fields.value('category') ?? null,
      description: fields.value('description') ?? null,
      leadUnit: fields.value('lead_unit') ?? null,
      startDate: fields.value('start_date') ?? null,
      dueDate: fields.value('due_date') ?? null,
    };
    if (stored) plan.taskUpdates.push({ key, id: stored.id, ...values });
    else plan.newTasks.push({ key, pilotId, code: task.code, ...values });
    this.planMilestones(task, key, stored?.id, known, plan);
    this.planIndicators(task, key, stored?.id, known, plan);
  }

  private planMilestones(task: TaskDraft, key: string, taskId: string | undefined, known: KnownTasks, plan: TaskImportPlan): void {
    let ordinal = 0;
    for (const [title, { row, fields }] of task.milestones) {
      const dueDate = fields.value('milestone_due_date');
      if (taskId !== undefined && known.milestones.has(childKey(taskId, title))) {
        if (dueDate !== undefined) plan.milestoneUpdates.push({ taskId, title, dueDate });
        continue;
      }
      fields.requireAll(MILESTONE_FIELDS, row, 'a new milestone', this.errors);
      if (dueDate !== undefined) plan.newMilestones.push({ taskKey: key, title, dueDate, ordinal: ordinal++ });
    }
  }

  private planIndicators(task: TaskDraft, key: string, taskId: string | undefined, known: KnownTasks, plan: TaskImportPlan): void {
    let ordinal = 0;
    for (const [name, { row, fields }] of task.indicators) {
      const stored = taskId === undefined ? undefined : known.indicators.get(childKey(taskId, name));
      const values: IndicatorFields = {
        unit: fields.value('indicator_unit') ?? null,
        baseline: fields.value('baseline') ?? null,
        baselineYear: fields.value('baseline_year') ?? null,
        target: fields.value('target') ?? null,
        targetYear: fields.value('target_year') ?? null,
        direction: fields.value('direction') ?? null,
      };
      const baselineYear = values.baselineYear ?? stored?.baselineYear ?? null;
      const targetYear = values.targetYear ?? stored?.targetYear ?? null;
      if (baselineYear !== null && targetYear !== null && baselineYear > targetYear) {
        const column = fields.rowOf('baseline_year') !== undefined ? 'baseline_year' : 'target_year';
        this.errors.add(fields.rowOf(column)!, column, `baseline_year ${baselineYear} must not be after target_year ${targetYear}`);
      }
      if (stored) {
        plan.indicatorUpdates.push({ taskId: taskId!, name, ...values });
        continue;
      }
      fields.requireAll(NEW_INDICATOR_FIELDS, row, 'a new indicator', this.errors);
      plan.newIndicators.push({ taskKey: key, name, ordinal: ordinal++, ...values });
    }
  }
}
