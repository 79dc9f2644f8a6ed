import { drawChart } from '../charts.js';
import { formatPercent, localName, NO_VALUE } from '../format.js';
import { drawTable } from '../pdf-table.js';
import type { CategoryFigures, ProvinceFigures } from '../summary-data.js';
import { drawMetricTiles } from './metric-tiles.js';
import { comparisonChart, comparisonChartHeight, taskStatusChart } from './overview-charts.js';
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

function drawStatusAndCategoryCharts({ canvas, data, labels, colours }: SectionContext): void {
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
  drawChart(canvas, taskStatusChart(data.overview, labels, colours), canvas.left, top + titleHeight, halfWidth, MIN_CHART_HEIGHT);
  drawChart(
    canvas,
    comparisonChart(categoryBars, { total: labels.seriesTasks, part: labels.seriesCompleted }, colours),
    rightX,
    top + titleHeight,
    halfWidth,
    chartHeight,
  );
  canvas.y = top + titleHeight + chartHeight + CHART_GAP;
}

function drawProvinceChart({ canvas, data, labels, colours }: SectionContext): void {
  const { styles } = canvas;
  const bars = data.overview.byProvince.map((figures) => ({
    name: localName(data.language, figures.provinceZh, figures.provinceEn),
    total: figures.expected,
    part: figures.received,
  }));
  const titleHeight = canvas.lineHeight(styles.subheading) + 6;
  // A chart cannot continue on the next page: with very many provinces it gets a page to itself.
  const chartHeight = Math.min(comparisonChartHeight(bars.length), canvas.pageContentHeight - titleHeight);
  canvas.ensureSpace(titleHeight + chartHeight);
  canvas.textBox(labels.chartByProvince, styles.subheading, canvas.left, canvas.y, canvas.width);
  canvas.y += titleHeight;
  drawChart(
    canvas,
    comparisonChart(bars, { total: labels.seriesExpected, part: labels.seriesReceived }, colours),
    canvas.left,
    canvas.y,
    canvas.width,
    chartHeight,
  );
  canvas.y += chartHeight + CHART_GAP;
}

function drawProvinceTable({ canvas, data, labels, colours }: SectionContext): void {
  const { columns } = labels;
  const ratioCell = (ratio: number) => ({ text: formatPercent(ratio), bar: { fraction: ratio, colour: colours.primary } });
  canvas.heading(labels.byProvinceHeading, canvas.styles.subheading, TABLE_HEADING_KEEP);
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
}

function drawCategoryTable({ canvas, data, labels, colours }: SectionContext): void {
  const { columns } = labels;
  canvas.heading(labels.byCategoryHeading, canvas.styles.subheading, TABLE_HEADING_KEEP);
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
