import { TASK_PROGRESS_STATUSES } from '../../common/domain.js';
import type { ComparisonBar, ComparisonChart, DonutChart } from '../charts.js';
import type { SummaryOverview } from '../summary-data.js';
import type { TemplateColours, TemplateLabels } from '../template.js';

export type { ComparisonBar } from '../charts.js';

const BAR_ROW_HEIGHT = 17;
const COMPARISON_CHROME_HEIGHT = 48;

/** The height a comparison chart needs for `bars` bars. */
export function comparisonChartHeight(bars: number): number {
  return Math.max(bars, 3) * BAR_ROW_HEIGHT + COMPARISON_CHROME_HEIGHT;
}

/**
 * A donut of the task lines of received reports by status, the counts in the legend. With no
 * task lines at all, a plain grey ring; the statuses, all zero, stay in the legend.
 */
export function taskStatusChart(overview: SummaryOverview, labels: TemplateLabels, colours: TemplateColours): DonutChart {
  return {
    kind: 'donut',
    slices: TASK_PROGRESS_STATUSES.map((status) => ({
      name: labels.taskStatuses[status],
      value: overview.tasksByStatus[status],
      colour: colours.taskStatuses[status],
    })),
    colours: { text: colours.text, empty: colours.neutral, sliceBorder: '#ffffff' },
  };
}

/**
 * Horizontal bars, one per row: the total as a pale bar with the part drawn over it, labelled
 * "part/total" — how much of what was expected arrived, by province or by category.
 */
export function comparisonChart(
  bars: readonly ComparisonBar[],
  names: { readonly total: string; readonly part: string },
  colours: TemplateColours,
): ComparisonChart {
  return {
    kind: 'comparison',
    bars,
    names,
    colours: { part: colours.primary, total: colours.neutral, text: colours.text, muted: colours.muted, grid: colours.border },
  };
}
