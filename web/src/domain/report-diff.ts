import type { Indicator, ReportContent, Task } from '../api/types';

type TaskLine = ReportContent['tasks'][number];
type IndicatorValue = ReportContent['indicators'][number];
type ExperienceContent = ReportContent['experiences'][number];

export interface TaskLineDiff {
  task: Task;
  current: TaskLine | undefined;
  previous: TaskLine | undefined;
  statusChanged: boolean;
  percentDelta: number | null;
  narrativeChanged: boolean;
  /** Milestones recorded completed now that were not before. */
  newlyCompleted: Set<string>;
}

export interface IndicatorDiff {
  task: Task;
  indicator: Indicator;
  current: IndicatorValue | undefined;
  previous: IndicatorValue | undefined;
  delta: number | null;
}

export interface ExperienceDiff {
  experience: ExperienceContent;
  /** No experience with this title was in the baseline. */
  isNew: boolean;
}

export interface ReportDiff {
  tasks: TaskLineDiff[];
  indicators: IndicatorDiff[];
  experiences: ExperienceDiff[];
  summaryChanged: boolean;
  changeCount: number;
}

/**
 * What changed from `previous` (an earlier revision, or the pilot's last accepted report) to
 * `current`, task by task and indicator by indicator. Without a baseline nothing is "changed".
 */
export function diffReport(tasks: Task[], current: ReportContent, previous: ReportContent | null): ReportDiff {
  const currentLines = new Map(current.tasks.map((line) => [line.taskId, line]));
  const previousLines = new Map(previous?.tasks.map((line) => [line.taskId, line]));
  const currentValues = new Map(current.indicators.map((v) => [v.indicatorId, v]));
  const previousValues = new Map(previous?.indicators.map((v) => [v.indicatorId, v]));

  const taskDiffs = tasks.map((task): TaskLineDiff => {
    const now = currentLines.get(task.id);
    const before = previous ? previousLines.get(task.id) : undefined;
    const completedBefore = new Set(before?.completedMilestones.map((m) => m.milestoneId));
    return {
      task,
      current: now,
      previous: before,
      statusChanged: Boolean(previous && now?.status !== before?.status),
      percentDelta: now && before ? now.percentComplete - before.percentComplete : null,
      narrativeChanged: Boolean(previous && (now?.narrative ?? '') !== (before?.narrative ?? '')),
      newlyCompleted: new Set(previous ? (now?.completedMilestones ?? []).map((m) => m.milestoneId).filter((id) => !completedBefore.has(id)) : []),
    };
  });

  const indicatorDiffs = tasks.flatMap((task) =>
    task.indicators.map((indicator): IndicatorDiff => {
      const now = currentValues.get(indicator.id);
      const before = previous ? previousValues.get(indicator.id) : undefined;
      return { task, indicator, current: now, previous: before, delta: now && before ? now.value - before.value : null };
    }),
  );

  const previousTitles = new Set(previous?.experiences.map((e) => e.title));
  const experienceDiffs = current.experiences.map((experience) => ({ experience, isNew: Boolean(previous) && !previousTitles.has(experience.title) }));
  const summaryChanged = Boolean(previous) && (current.summary ?? '') !== (previous?.summary ?? '');

  const changeCount =
    taskDiffs.filter((d) => d.statusChanged || (d.percentDelta ?? 0) !== 0 || d.narrativeChanged || d.newlyCompleted.size > 0).length +
    indicatorDiffs.filter((d) => previous && d.current?.value !== d.previous?.value).length +
    experienceDiffs.filter((d) => d.isNew).length +
    (summaryChanged ? 1 : 0);

  return { tasks: taskDiffs, indicators: indicatorDiffs, experiences: experienceDiffs, summaryChanged, changeCount };
}
