import { formatNumber, formatPercent, NO_VALUE } from '../format.js';
import { drawTable, type TableCell } from '../pdf-table.js';
import type { IndicatorRow, TaskRow } from '../summary-data.js';
import type { SectionContext } from './section-context.js';

/** A pilot's tasks: status and progress from the received report, or "not reported". */
export function drawTaskTable({ canvas, labels, colours }: SectionContext, tasks: readonly TaskRow[]): void {
  const { columns } = labels;
  const notReported: TableCell = { text: labels.notReported, colour: colours.muted };
  drawTable<TaskRow>(
    canvas,
    [
      { header: columns.code, weight: 0.8, cell: (task) => task.code },
      { header: columns.task, weight: 3.05, cell: (task) => task.title },
      { header: columns.category, weight: 1, cell: (task) => labels.categories[task.category] },
      {
        header: columns.status,
        weight: 1.15,
        cell: (task) =>
          task.status === null
            ? notReported
            : { text: labels.taskStatuses[task.status], colour: colours.taskStatuses[task.status], bold: true },
      },
      {
        header: columns.percentComplete,
        weight: 0.9,
        align: 'right',
        cell: (task) =>
          task.percentComplete === null
            ? NO_VALUE
            : {
                text: `${task.percentComplete}%`,
                bar: { fraction: task.percentComplete / 100, colour: colours.taskStatuses[task.status ?? 'on_track'] },
              },
      },
      {
        header: columns.milestones,
        weight: 1.35,
        align: 'right',
        cell: (task) => `${task.milestonesCompleted} / ${task.milestonesDue}`,
      },
    ],
    tasks,
  );
}

/** A pilot's indicators: baseline → latest value → target, and how far along the way it is. */
export function drawIndicatorTable({ canvas, labels, colours }: SectionContext, indicators: readonly IndicatorRow[]): void {
  const { columns } = labels;
  const withYear = (value: number, year: number | null): string =>
    year === null ? formatNumber(value) : `${formatNumber(value)} (${year})`;
  drawTable<IndicatorRow>(
    canvas,
    [
      { header: columns.indicator, weight: 2.6, cell: (indicator) => `${indicator.taskCode} ${indicator.name}` },
      { header: columns.unit, weight: 1, cell: (indicator) => indicator.unit },
      { header: columns.baseline, weight: 1.2, align: 'right', cell: (indicator) => withYear(indicator.baseline, indicator.baselineYear) },
      {
        header: columns.latestValue,
        weight: 1,
        align: 'right',
        cell: (indicator) => (indicator.latestValue === null ? NO_VALUE : { text: formatNumber(indicator.latestValue), bold: true }),
      },
      {
        header: columns.target,
        weight: 1.3,
        align: 'right',
        // The arrow says which way the indicator has to move, as the numbers alone do not.
        cell: (indicator) =>
          `${indicator.direction === 'decrease' ? '↓' : '↑'} ${withYear(indicator.target, indicator.targetYear)}`,
      },
      {
        header: columns.progress,
        weight: 1,
        align: 'right',
        cell: (indicator) =>
          indicator.progress === null
            ? NO_VALUE
            : {
                text: formatPercent(indicator.progress),
                bar: {
                  fraction: indicator.progress,
                  colour: colours.taskStatuses[indicator.progress >= 1 ? 'completed' : 'on_track'],
                },
              },
      },
    ],
    indicators,
  );
}
