import type { PieSeriesOption } from 'echarts/charts';
import { TASK_PROGRESS_STATUSES } from '../../common/domain.js';
import { CHART_FONT_FAMILY, type ChartOption } from '../charts.js';
import type { SummaryOverview } from '../summary-data.js';
import type { TemplateColours, TemplateLabels } from '../template.js';

/** One bar of a comparison chart: `part` of `total` (e.g. received of expected). */
export interface ComparisonBar {
  readonly name: string;
  readonly total: number;
  readonly part: number;
}

const BAR_ROW_HEIGHT = 17;
const COMPARISON_CHROME_HEIGHT = 48;

/** The height a comparison chart needs for `bars` bars. */
export function comparisonChartHeight(bars: number): number {
  return Math.max(bars, 3) * BAR_ROW_HEIGHT + COMPARISON_CHROME_HEIGHT;
}

function chartText(colours: TemplateColours, fontSize = 8) {
  return { fontFamily: CHART_FONT_FAMILY, fontSize, color: colours.text };
}

/** A donut of the task lines of received reports by status, the counts in the legend. */
export function taskStatusChart(overview: SummaryOverview, labels: TemplateLabels, colours: TemplateColours): ChartOption {
  const ring: PieSeriesOption = { type: 'pie', radius: ['45%', '78%'], center: ['30%', '50%'] };
  const taskLines = TASK_PROGRESS_STATUSES.reduce((sum, status) => sum + overview.tasksByStatus[status], 0);
  return {
    textStyle: chartText(colours),
    legend: {
      orient: 'vertical',
      right: 8,
      top: 'middle',
      itemWidth: 9,
      itemHeight: 9,
      itemGap: 8,
      textStyle: chartText(colours),
    },
    series: [
      // With no task lines at all, a plain grey ring (echarts draws one for a series without
      // data) rather than five equal, and false, slices; the statuses, all zero, stay in the
      // legend, their slices shrunk to nothing.
      ...(taskLines === 0 ? [{ ...ring, silent: true, emptyCircleStyle: { color: colours.neutral }, data: [] }] : []),
      {
        ...ring,
        ...(taskLines === 0 ? { radius: [0, 0] } : {}),
        label: { show: false },
        labelLine: { show: false },
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
        data: TASK_PROGRESS_STATUSES.map((status) => ({
          name: `${labels.taskStatuses[status]}  ${overview.tasksByStatus[status]}`,
          value: overview.tasksByStatus[status],
          itemStyle: { color: colours.taskStatuses[status] },
        })),
      },
    ],
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
): ChartOption {
  return {
    textStyle: chartText(colours),
    legend: {
      top: 0,
      left: 0,
      itemWidth: 10,
      itemHeight: 8,
      textStyle: chartText(colours),
      data: [names.part, names.total],
    },
    grid: { left: 0, right: 36, top: 22, bottom: 0, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: chartText({ ...colours, text: colours.muted }, 7),
      splitLine: { lineStyle: { color: colours.border, width: 0.5 } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: bars.map((bar) => bar.name),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: colours.border } },
      axisLabel: chartText(colours, 7.5),
    },
    series: [
      {
        type: 'bar',
        name: names.total,
        data: bars.map((bar) => bar.total),
        barWidth: '62%',
        barGap: '-100%',
        itemStyle: { color: colours.neutral },
        label: {
          show: true,
          position: 'right',
          ...chartText(colours, 7),
          formatter: ({ dataIndex }) => `${bars[dataIndex].part}/${bars[dataIndex].total}`,
        },
      },
      {
        type: 'bar',
        name: names.part,
        data: bars.map((bar) => bar.part),
        barWidth: '62%',
        barGap: '-100%',
        itemStyle: { color: colours.primary },
      },
    ],
  };
}
