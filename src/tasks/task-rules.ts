/** Cross-field rules that class-validator cannot express on one field. */

export interface TaskDates {
  startDate?: string | null;
  dueDate: string;
}

export interface IndicatorYears {
  baselineYear?: number | null;
  targetYear: number;
}

export function taskRuleProblems(task: TaskDates, indicators: IndicatorYears[] = []): string[] {
  const problems: string[] = [];
  if (task.startDate && task.startDate > task.dueDate) problems.push('startDate must not be after dueDate');
  indicators.forEach((indicator, index) => {
    if (indicator.baselineYear != null && indicator.baselineYear > indicator.targetYear) {
      problems.push(`indicators.${index}.baselineYear must not be after targetYear`);
    }
  });
  return problems;
}
