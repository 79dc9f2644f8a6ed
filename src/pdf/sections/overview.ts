import { drawChart } from '../charts.js';
import { formatPercent, localName, NO_VALUE } from '../format.js';
import { drawTable, type TableColumn } from '../pdf-table.js';
import type { CategoryFigures, ProvinceFigures } from '../summary-data.js';
import { drawMetricTiles } from './metric-tiles.js';
import { comparisonChart, comparisonChartHeight, taskStatusChart, type ComparisonBar } from './overview-charts.js';
import type { SectionContext } from './section-context.js';

const CHART_GAP = 16;
const SECTION_GAP = 12;
const MIN_CHART_HEIGHT = 160;
/** Room a table heading needs below it on the same page: the header row and a row or two. */
const TABLE_HEADING_KEEP = 60;

/** Completeness and timeliness in figures, charts and tables. */
export function drawOverview(context: SectionContext): void {
  const { canvas, labels } = context;
  canvas.sectionTitle(labels.sectionTitles.overview);
  drawKeyFigures(context);
  canvas.moveDown(8);
  // Each chart is followed by the table with its figures.
  drawStatusAndCategoryCharts(context);
  drawCategoryTable(context);
  canvas.moveDown(SECTION_GAP);
  drawProvinceChart(context);
  drawProvinceTable(context);
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

function drawStatusAndCategoryCharts(context: SectionContext): void {
  const { canvas, data, labels, colours } = context;
  const { styles } = canvas;
  const halfWidth = (canvas.width - CHART_GAP) / 2;
  const categoryBars = data.overview.byCategory.map((figures) => ({
    name: labels.categories[figures.category],
    total: figures.tasks,
    part: figures.completed,
  }));
  // Side by side, both as tall as the category bars need.
  const chartHeight = Math.max(MIN_CHART_HEIGHT, comparisonChartHeight(categoryBars.length));
  const titleHeight = canvas.lineHeight(styles.subheading) + 6;
  canvas.ensureSpace(titleHeight + chartHeight);
  const top = canvas.y;
  const rightX = canvas.left + halfWidth + CHART_GAP;
  canvas.textBox(labels.chartTaskStatus, styles.subheading, canvas.left, top, halfWidth);
  canvas.textBox(labels.chartByCategory, styles.subheading, rightX, top, halfWidth);
  const statusBox = { x: canvas.left, y: top + titleHeight, width: halfWidth, height: MIN_CHART_HEIGHT };
  drawChart(canvas, taskStatusChart(data.overview, labels, colours), statusBox);
  const names = { total: labels.seriesTasks, part: labels.seriesCompleted };
  drawComparison(context, categoryBars, names, { x: rightX, y: top + titleHeight, width: halfWidth, height: chartHeight });
  canvas.y = top + titleHeight + chartHeight + CHART_GAP;
}

function drawProvinceChart(context: SectionContext): void {
  const { canvas, data, labels } = context;
  const { styles } = canvas;
  const bars = data.overview.byProvince.map((figures) => ({
    name: localName(data.language, figures.provinceZh, figures.provinceEn),
    total: figures.expected,
    part: figures.received,
  }));
  const titleHeight = canvas.lineHeight(styles.subheading) + 6;
  // A chart cannot continue on the next page: with very many provinces it gets a page to itself.
  const chartHeight =
    bars.length === 0
      ? canvas.lineHeight(styles.muted)
      : Math.min(comparisonChartHeight(bars.length), canvas.pageContentHeight - titleHeight);
  canvas.ensureSpace(titleHeight + chartHeight);
  canvas.textBox(labels.chartByProvince, styles.subheading, canvas.left, canvas.y, canvas.width);
  canvas.y += titleHeight;
  const names = { total: labels.seriesExpected, part: labels.seriesReceived };
  drawComparison(context, bars, names, { x: canvas.left, y: canvas.y, width: canvas.width, height: chartHeight });
  canvas.y += chartHeight + CHART_GAP;
}

/** A comparison chart in the given box, or a "no data" line when there is nothing to compare. */
function drawComparison(
  { canvas, labels, colours }: SectionContext,
  bars: readonly ComparisonBar[],
  names: { readonly total: string; readonly part: string },
  box: { readonly x: number; readonly y: number; readonly width: number; readonly height: number },
): void {
  if (bars.length === 0) canvas.textBox(labels.noData, canvas.styles.muted, box.x, box.y, box.width);
  else drawChart(canvas, comparisonChart(bars, names, colours), box);
}

/** A table's heading, then the table, or a "no data" line when it has no rows. */
function drawTableBlock<Row>(
  { canvas, labels }: SectionContext,
  heading: string,
  columns: readonly TableColumn<Row>[],
  rows: readonly Row[],
): void {
  canvas.heading(heading, canvas.styles.subheading, TABLE_HEADING_KEEP);
  canvas.moveDown(6);
  if (rows.length === 0) canvas.paragraph(labels.noData, canvas.styles.muted);
  else drawTable(canvas, columns, rows);
}

function drawProvinceTable(context: SectionContext): void {
  const { data, labels, colours } = context;
  const { columns } = labels;
  const ratioCell = (ratio: number) => ({ text: formatPercent(ratio), bar: { fraction: ratio, colour: colours.primary } });
  drawTableBlock<ProvinceFigures>(
    context,
    labels.byProvinceHeading,
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
}

function drawCategoryTable(context: SectionContext): void {
  const { data, labels, colours } = context;
  const { columns } = labels;
  drawTableBlock<CategoryFigures>(
    context,
    labels.byCategoryHeading,
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
            ? NO_VALUE
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
