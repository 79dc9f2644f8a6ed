import type { Indicator, Report, ReportInput, Task, TaskCategory, TaskProgressStatus } from '../api/types';

/** A form field's path, as antd's Form names it. */
export type FieldPath = (string | number)[];

export interface MilestoneValues {
  milestoneId: string;
  reached: boolean;
  /** YYYY-MM-DD */
  completedOn: string | null;
}

export interface TaskLineValues {
  taskId: string;
  status: TaskProgressStatus;
  percentComplete: number | null;
  narrative: string;
  milestones: MilestoneValues[];
}

export interface IndicatorValues {
  indicatorId: string;
  value: number | null;
  note: string;
}

export interface ExperienceValues {
  title: string;
  summary: string;
  category: TaskCategory | undefined;
  tags: string[];
}

export interface ReportFormValues {
  summary: string;
  tasks: TaskLineValues[];
  indicators: IndicatorValues[];
  experiences: ExperienceValues[];
}

/** The indicators of a pilot's tasks, in task order, with the task each belongs to. */
export function indicatorsOf(tasks: Task[]): { task: Task; indicator: Indicator }[] {
  return tasks.flatMap((task) => task.indicators.map((indicator) => ({ task, indicator })));
}

/** One row per task and indicator, filled from the saved report where it has them. */
export function initialFormValues(tasks: Task[], report: Report | null): ReportFormValues {
  const lines = new Map(report?.tasks.map((line) => [line.taskId, line]));
  const values = new Map(report?.indicators.map((value) => [value.indicatorId, value]));
  return {
    summary: report?.summary ?? '',
    tasks: tasks.map((task) => {
      const line = lines.get(task.id);
      const completed = new Map(line?.completedMilestones.map((m) => [m.milestoneId, m.completedOn]));
      return {
        taskId: task.id,
        status: line?.status ?? 'not_started',
        percentComplete: line?.percentComplete ?? 0,
        narrative: line?.narrative ?? '',
        milestones: task.milestones.map((milestone) => ({
          milestoneId: milestone.id,
          reached: completed.has(milestone.id),
          completedOn: completed.get(milestone.id) ?? null,
        })),
      };
    }),
    indicators: indicatorsOf(tasks).map(({ indicator }) => ({
      indicatorId: indicator.id,
      value: values.get(indicator.id)?.value ?? null,
      note: values.get(indicator.id)?.note ?? '',
    })),
    experiences: (report?.experiences ?? []).map((e) => ({ title: e.title, summary: e.summary, category: e.category, tags: e.tags })),
  };
}

export interface BuiltReport {
  body: ReportInput;
  /** The form field a path of the body (as the API names it in a 400) was built from. */
  fieldOf(apiPath: string): FieldPath | null;
}

const optionalText = (text: string) => (text.trim() === '' ? undefined : text);

/**
 * The PUT body for the form's values: every task, the milestones marked reached with their
 * dates, the indicators that have a value, and the experiences.
 */
export function toReportInput(values: ReportFormValues): BuiltReport {
  const fields = new Map<string, FieldPath>();
  const tasks = values.tasks.map((line, i) => {
    for (const key of ['status', 'percentComplete', 'narrative'] as const) fields.set(`tasks.${i}.${key}`, ['tasks', i, key]);
    const completedMilestones = line.milestones.flatMap((m, j) => {
      if (!m.reached || !m.completedOn) return [];
      return [{ formIndex: j, milestoneId: m.milestoneId, completedOn: m.completedOn }];
    });
    completedMilestones.forEach(({ formIndex }, k) => {
      fields.set(`tasks.${i}.completedMilestones.${k}.completedOn`, ['tasks', i, 'milestones', formIndex, 'completedOn']);
    });
    return {
      taskId: line.taskId,
      status: line.status,
      percentComplete: line.percentComplete ?? 0,
      narrative: optionalText(line.narrative),
      completedMilestones: completedMilestones.map(({ milestoneId, completedOn }) => ({ milestoneId, completedOn })),
    };
  });

  const indicators = values.indicators.flatMap((row, formIndex) => (row.value === null ? [] : [{ row, formIndex }]));
  indicators.forEach(({ formIndex }, k) => {
    for (const key of ['value', 'note'] as const) fields.set(`indicators.${k}.${key}`, ['indicators', formIndex, key]);
  });

  values.experiences.forEach((_, k) => {
    for (const key of ['title', 'summary', 'category', 'tags'] as const) fields.set(`experiences.${k}.${key}`, ['experiences', k, key]);
  });

  const body: ReportInput = {
    summary: values.summary,
    tasks,
    indicators: indicators.map(({ row }) => ({ indicatorId: row.indicatorId, value: row.value!, note: optionalText(row.note) })),
    experiences: values.experiences.map((e) => ({
      title: e.title.trim(),
      summary: e.summary,
      category: e.category!,
      tags: e.tags.map((tag) => tag.trim()).filter(Boolean),
    })),
  };
  fields.set('summary', ['summary']);

  return {
    body,
    fieldOf: (apiPath) => {
      // "tasks.0.completedMilestones.1.completedOn" → the most specific path we know.
      for (let parts = apiPath.split('.'); parts.length > 0; parts = parts.slice(0, -1)) {
        const field = fields.get(parts.join('.'));
        if (field) return field;
      }
      return null;
    },
  };
}
