import type { ReportInput } from './dto/report-input.dto.js';

/** What a pilot's plan holds: task ids, and for each milestone and indicator the task it belongs to. */
export interface PilotPlan {
  taskIds: ReadonlySet<string>;
  milestoneTask: ReadonlyMap<string, string>;
  indicatorTask: ReadonlyMap<string, string>;
}

/**
 * Every referenced task, milestone and indicator must belong to the report's pilot (a milestone
 * to the task of its line) and appear at most once. Returns one message per problem.
 */
export function referenceProblems(input: ReportInput, plan: PilotPlan): string[] {
  const problems: string[] = [];
  const seenTasks = new Set<string>();
  const seenMilestones = new Set<string>();
  input.tasks.forEach((line, i) => {
    if (!plan.taskIds.has(line.taskId)) problems.push(`tasks.${i}.taskId ${line.taskId} is not a task of this pilot`);
    else if (seenTasks.has(line.taskId)) problems.push(`tasks.${i}.taskId ${line.taskId} appears more than once`);
    seenTasks.add(line.taskId);
    (line.completedMilestones ?? []).forEach((completion, j) => {
      const path = `tasks.${i}.completedMilestones.${j}.milestoneId`;
      const owner = plan.milestoneTask.get(completion.milestoneId);
      if (owner === undefined) problems.push(`${path} ${completion.milestoneId} is not a milestone of this pilot`);
      else if (owner !== line.taskId) problems.push(`${path} ${completion.milestoneId} belongs to another task`);
      else if (seenMilestones.has(completion.milestoneId)) {
        problems.push(`${path} ${completion.milestoneId} appears more than once`);
      }
      seenMilestones.add(completion.milestoneId);
    });
  });
  const seenIndicators = new Set<string>();
  (input.indicators ?? []).forEach((value, i) => {
    const path = `indicators.${i}.indicatorId`;
    if (!plan.indicatorTask.has(value.indicatorId)) problems.push(`${path} ${value.indicatorId} is not an indicator of this pilot`);
    else if (seenIndicators.has(value.indicatorId)) problems.push(`${path} ${value.indicatorId} appears more than once`);
    seenIndicators.add(value.indicatorId);
  });
  return problems;
}

/** The ids a report body refers to, to load only those from the database. */
export function referencedIds(input: ReportInput): { taskIds: string[]; milestoneIds: string[]; indicatorIds: string[] } {
  return {
    taskIds: [...new Set(input.tasks.map((t) => t.taskId))],
    milestoneIds: [...new Set(input.tasks.flatMap((t) => (t.completedMilestones ?? []).map((m) => m.milestoneId)))],
    indicatorIds: [...new Set((input.indicators ?? []).map((v) => v.indicatorId))],
  };
}
