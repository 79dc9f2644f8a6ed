import { drawChart } from '../charts.js';
import { formatPercent, localName } from '../format.js';
import { drawTable } from '../pdf-table.js';
import type { CategoryFigures, ProvinceFigures } from '../summary-data.js';
import { drawMetricTiles } from './metric-tiles.js';
import { comparisonChart, comparisonChartHeight, taskStatusChart } from './overview-charts.js';
import type { SectionContext } from './section-context.js';

const CHART_GAP = 16;
const SUBHEADING_SPACE = 60;

/** Completeness and timeliness in figures, charts and tables. */
export function drawOverview(context: SectionContext): void {
  const { canvas, labels } = context;
  canvas.sectionTitle(labels.sectionTitles.overview);
  drawKeyFigures(context);
  canvas.moveDown(8);
  drawCharts(context);
  drawProvinceTable(context);
  drawCategoryTable(context);
}

function drawKeyFigures({ canvas, data, labels, colours }: SectionContext): void {
  const { overview } = data;
  const { metrics } = labels;
  const attention = (count: number, colour: string): string | undefined => (count > 0 ? colour : undefined);
  drawMetricTiles(
    canvas,
    [
      { label: metrics.expected, value: String(overview.expected) },
      { label: metrics.received, value: String(overview.received) },
      { label: metrics.accepted, value: String(overview.accepted) },
      { label: metrics.returned, value: String(overview.returned), colour: attention(overview.returned, colours.accent) },
      { label: metrics.draft, value: String(overview.draft) },
      { label: metrics.missing, value: String(overview.missing), colour: attention(overview.missing, colours.notSubmitted) },
      { label: metrics.onTime, value: String(overview.onTime) },
      { label: metrics.late, value: String(overview.late), colour: attention(overview.late, colours.accent) },
      { label: metrics.completeness, value: formatPercent(overview.completeness) },
      { label: metrics.timeliness, value: formatPercent(overview.timeliness) },
      { label: metrics.milestones, value: `${overview.milestones.completed} / ${overview.milestones.due}` },
    ],
    4,
  );
}

function drawCharts({ canvas, data, labels, colours }: SectionContext): void {
  const { overview, language } = data;
  const { styles } = canvas;
  const halfWidth = (canvas.width - CHART_GAP) / 2;

  // Status donut and categories side by side, both as tall as the category bars need.
  const categoryBars = overview.byCategory.map((figures) => ({
    name: labels.categories[figures.category],
    total: figures.tasks,
    part: figures.completed,
  }));
  const rowHeight = Math.max(170, comparisonChartHeight(categoryBars.length));
  canvas.ensureSpace(rowHeight + SUBHEADING_SPACE);
  const titleHeight = canvas.lineHeight(styles.subheading) + 6;
  const rowTop = canvas.y;
  canvas.textBox(labels.chartTaskStatus, styles.subheading, canvas.left, rowTop, halfWidth);
  canvas.textBox(labels.chartByCategory, styles.subheading, canvas.left + halfWidth + CHART_GAP, rowTop, halfWidth);
  drawChart(canvas, taskStatusChart(overview, labels, colours), canvas.left, rowTop + titleHeight, halfWidth, 150);
  drawChart(
    canvas,
    comparisonChart(categoryBars, { total: labels.seriesTasks, part: labels.seriesCompleted }, colours),
    canvas.left + halfWidth + CHART_GAP,
    rowTop + titleHeight,
    halfWidth,
    rowHeight,
  );
  canvas.y = rowTop + titleHeight + rowHeight + CHART_GAP;

  const provinceBars = overview.byProvince.map((figures) => ({
    name: localName(language, figures.provinceZh, figures.provinceEn),
    total: figures.expected,
    part: figures.received,
  }));
  const provinceHeight = comparisonChartHeight(provinceBars.length);
  // A chart cannot be split across pages: very many provinces get a page to themselves.
  canvas.ensureSpace(Math.min(provinceHeight + titleHeight, canvas.pageContentHeight));
  canvas.heading(labels.chartByProvince, styles.subheading, 0);
  canvas.moveDown(6);
  const height = Math.min(provinceHeight, canvas.remaining);
  drawChart(
    canvas,
    comparisonChart(provinceBars, { total: labels.seriesExpected, part: labels.seriesReceived }, colours),
    canvas.left,
    canvas.y,
    canvas.width,
    height,
  );
  canvas.y += height + CHART_GAP;
}

function drawProvinceTable({ canvas, data, labels, colours }: SectionContext): void {
  const { columns } = labels;
  const ratioCell = (ratio: number) => ({ text: formatPercent(ratio), bar: { fraction: ratio, colour: colours.primary } });
  canvas.heading(labels.byProvinceHeading, canvas.styles.subheading, SUBHEADING_SPACE);
  canvas.moveDown(6);
  drawTable<ProvinceFigures>(
    canvas,
    [
      { header: columns.province, weight: 2.2, cell: (row) => localName(data.language, row.provinceZh, row.provinceEn) },
      { header: columns.expected, weight: 1, align: 'right', cell: (row) => String(row.expected) },
      { header: columns.received, weight: 1, align: 'right', cell: (row) => String(row.received) },
      { header: columns.onTime, weight: 1, align: 'right', cell: (row) => String(row.onTime) },
      { header: columns.completeness, weight: 1.3, align: 'right', cell: (row) => ratioCell(row.completeness) },
      { header: columns.timeliness, weight: 1.3, align: 'right', cell: (row) => ratioCell(row.timeliness) },
    ],
    data.overview.byProvince,
  );
  canvas.moveDown(CHART_GAP);
}

function drawCategoryTable({ canvas, data, labels, colours }: SectionContext): void {
  const { columns } = labels;
  canvas.heading(labels.byCategoryHeading, canvas.styles.subheading, SUBHEADING_SPACE);
  canvas.moveDown(6);
  drawTable<CategoryFigures>(
    canvas,
    [
      { header: columns.category, weight: 2.2, cell: (row) => labels.categories[row.category] },
      { header: columns.tasks, weight: 1, align: 'right', cell: (row) => String(row.tasks) },
      { header: columns.completed, weight: 1, align: 'right', cell: (row) => String(row.completed) },
      {
        header: columns.avgPercentComplete,
        weight: 1.3,
        align: 'right',
        cell: (row) =>
          row.avgPercentComplete === null
            ? '—'
            : {
                text: `${Math.round(row.avgPercentComplete)}%`,
                bar: { fraction: row.avgPercentComplete / 100, colour: colours.primary },
              },
      },
      {
        header: columns.milestones,
        weight: 1.6,
        align: 'right',
        cell: (row) => `${row.milestonesCompleted} / ${row.milestonesDue}`,
      },
    ],
    data.overview.byCategory,
  );
}
