import { formatNumber } from './format.js';
import type { ReportCanvas, TextAlign } from './pdf-layout.js';
import type { TextStyle } from './text-styles.js';

/**
 * The overview's charts, drawn with pdfkit's own rectangles, paths and text: vector shapes that
 * stay sharp when zoomed, and labels that are real, searchable text in the embedded fonts. Each
 * chart is first laid out as plain numbers (what a test can check), then drawn.
 */

export interface ChartBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** One bar of a comparison chart: `part` of `total` (e.g. received of expected). */
export interface ComparisonBar {
  readonly name: string;
  readonly total: number;
  readonly part: number;
}

/**
 * Horizontal bars, one per row, first row at the top: the total as a pale bar with the part
 * drawn over it, labelled "part/total", on a value axis starting at 0; a legend above.
 */
export interface ComparisonChart {
  readonly kind: 'comparison';
  readonly bars: readonly ComparisonBar[];
  /** Legend names of the two series. */
  readonly names: { readonly part: string; readonly total: string };
  readonly colours: {
    readonly part: string;
    readonly total: string;
    /** Labels of the rows, the legend and the values. */
    readonly text: string;
    /** Labels of the value axis. */
    readonly muted: string;
    /** The category axis line and the value grid lines. */
    readonly grid: string;
  };
}

export interface DonutSlice {
  readonly name: string;
  readonly value: number;
  readonly colour: string;
}

/**
 * A ring of slices clockwise from 12 o'clock, in the left part of the box, and a legend on the
 * right naming every slice with its value (zero slices too). With nothing to show, a plain ring
 * in `emptyColour` rather than equal, and false, slices.
 */
export interface DonutChart {
  readonly kind: 'donut';
  readonly slices: readonly DonutSlice[];
  readonly colours: { readonly text: string; readonly empty: string; readonly sliceBorder: string };
}

export type Chart = ComparisonChart | DonutChart;

/** Draws a chart in `box`. Leaves the text cursor where it was (pdfkit moves it for every text). */
export function drawChart(canvas: ReportCanvas, chart: Chart, box: ChartBox): void {
  const { x, y } = canvas.doc;
  if (chart.kind === 'comparison') drawComparison(canvas, layOutComparisonChart(canvas, chart, box), chart);
  else drawDonut(canvas, layOutDonutChart(canvas, chart, box), chart);
  canvas.doc.x = x;
  canvas.doc.y = y;
}

// ---------------------------------------------------------------------------------------------
// Text

const textStyle = (size: number, colour: string): TextStyle => ({ weight: 'regular', size, colour, lineGap: 0 });

/**
 * From the top of a line (where pdfkit places text) to the middle of a capital or a CJK glyph,
 * in ems: Noto Sans SC has its baseline 1.16 em down, capitals and ideographs about 0.37 em
 * above it. Used to centre a label on a bar or a legend swatch.
 */
const TEXT_MIDDLE_EM = 0.785;

/** Height of a capital or a digit, in ems (Noto Sans SC). */
const CAP_HEIGHT_EM = 0.733;

/** A text run laid out on one line: `x` is where the box starts, `middleY` the line's visual middle. */
export interface ChartLabel {
  readonly text: string;
  readonly x: number;
  readonly middleY: number;
  /** Box width the text is aligned in; the text is shortened with an ellipsis if wider. */
  readonly width: number;
  readonly align: TextAlign;
  readonly style: TextStyle;
}

function drawLabel(canvas: ReportCanvas, label: ChartLabel): void {
  const top = label.middleY - TEXT_MIDDLE_EM * label.style.size;
  canvas.textLine(label.text, label.style, label.x, top, label.width, label.align);
}

// ---------------------------------------------------------------------------------------------
// Legend swatches (the pale and dark squares before each series or slice name)

export interface ChartSwatch {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly colour: string;
}

function drawSwatch(canvas: ReportCanvas, swatch: ChartSwatch): void {
  canvas.doc.roundedRect(swatch.x, swatch.y, swatch.width, swatch.height, 2).fill(swatch.colour);
}

// ---------------------------------------------------------------------------------------------
// Comparison chart

const COMPARISON = {
  legendInset: 5,
  legendSwatch: { width: 10, height: 8 },
  legendTextGap: 5,
  legendItemGap: 10,
  legendSize: 8,
  /** From the top of the box to the top of the plot (the legend sits in between). */
  plotTop: 22,
  /** Below the plot: the value axis labels. */
  plotBottom: 14,
  axisLabelSize: 7,
  axisLabelGap: 8,
  rowLabelSize: 7.5,
  rowLabelGap: 8,
  /** The row labels' column takes at most this share of the chart's width; longer names are shortened. */
  rowLabelShare: 0.35,
  valueLabelSize: 7,
  valueLabelGap: 5,
  /** Right of the plot, room for the "part/total" label of a bar that reaches the end of the axis. */
  minRightPad: 36,
  /** Bar thickness as a share of its row. */
  barShare: 0.62,
  /** The value axis aims at this many intervals. */
  splitNumber: 5,
} as const;

export interface ComparisonRow {
  readonly bar: ComparisonBar;
  /** Top and thickness of both bars. */
  readonly barY: number;
  readonly barHeight: number;
  readonly totalWidth: number;
  readonly partWidth: number;
  readonly nameLabel: ChartLabel;
  readonly valueLabel: ChartLabel;
}

export interface ComparisonLayout {
  readonly legend: readonly { readonly swatch: ChartSwatch; readonly label: ChartLabel }[];
  /** The plot area: bars start at `left`; the axis maximum is at `right`. */
  readonly plot: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
  readonly axisMax: number;
  readonly ticks: readonly { readonly value: number; readonly x: number; readonly label: ChartLabel }[];
  readonly rows: readonly ComparisonRow[];
}

/**
 * Where everything of a comparison chart goes in `box`. Rows share the plot's height equally;
 * below about 9 points a row, the labels get smaller so neighbours never overlap.
 */
export function layOutComparisonChart(canvas: ReportCanvas, chart: ComparisonChart, box: ChartBox): ComparisonLayout {
  const { colours, bars } = chart;
  const c = COMPARISON;

  // Legend: "■ part  ■ total" across the top.
  const legendStyle = textStyle(c.legendSize, colours.text);
  const legendMiddle = box.y + c.legendInset + c.legendSwatch.height / 2;
  let legendX = box.x + c.legendInset;
  const legend = [
    { name: chart.names.part, colour: colours.part },
    { name: chart.names.total, colour: colours.total },
  ].map(({ name, colour }) => {
    const swatch = { x: legendX, y: box.y + c.legendInset, ...c.legendSwatch, colour };
    const textX = legendX + c.legendSwatch.width + c.legendTextGap;
    const textWidth = Math.min(canvas.widthOf(name, legendStyle), Math.max(box.x + box.width - textX, 0));
    legendX = textX + textWidth + c.legendItemGap;
    return { swatch, label: { text: name, x: textX, middleY: legendMiddle, width: textWidth, align: 'left', style: legendStyle } as const };
  });

  const top = box.y + c.plotTop;
  const bottom = box.y + box.height - c.plotBottom;
  const band = bars.length === 0 ? 0 : (bottom - top) / bars.length;
  // Labels shrink with the rows when very many bars share the height (never in practice: a chart
  // of 35 rows has 17 points a row).
  const rowLabelStyle = textStyle(Math.max(3, Math.min(c.rowLabelSize, band - 2)), colours.text);
  const valueStyle = textStyle(Math.max(3, Math.min(c.valueLabelSize, band - 2)), colours.text);
  const axisStyle = textStyle(c.axisLabelSize, colours.muted);

  const valueTexts = bars.map((bar) => `${bar.part}/${bar.total}`);
  const labelColumn = Math.min(
    Math.max(0, ...bars.map((bar) => canvas.widthOf(bar.name, rowLabelStyle))),
    box.width * c.rowLabelShare,
  );
  const left = box.x + labelColumn + c.rowLabelGap;
  const widestValue = Math.max(0, ...valueTexts.map((text) => canvas.widthOf(text, valueStyle)));
  const right = box.x + box.width - Math.max(c.minRightPad, widestValue + c.valueLabelGap + 1);

  const { max: axisMax, interval } = niceAxis(Math.max(0, ...bars.map((bar) => Math.max(bar.total, bar.part))), c.splitNumber);
  const scale = (value: number): number => ((right - left) * Math.min(Math.max(value, 0), axisMax)) / axisMax;

  const ticks = [];
  for (let step = 0; step * interval <= axisMax + interval * 1e-9; step += 1) {
    const value = roundToStep(step * interval, interval);
    const x = left + scale(value);
    const text = formatNumber(value);
    const width = canvas.widthOf(text, axisStyle);
    ticks.push({
      value,
      x,
      // The digits' tops `axisLabelGap` below the plot.
      label: { text, x: x - width / 2, middleY: bottom + c.axisLabelGap + (c.axisLabelSize * CAP_HEIGHT_EM) / 2, width, align: 'center', style: axisStyle } as const,
    });
  }

  const barHeight = band * c.barShare;
  const rows = bars.map((bar, index): ComparisonRow => {
    const middle = top + band * (index + 0.5);
    const totalWidth = scale(bar.total);
    const partWidth = scale(bar.part);
    const valueWidth = canvas.widthOf(valueTexts[index], valueStyle);
    return {
      bar,
      barY: middle - barHeight / 2,
      barHeight,
      totalWidth,
      partWidth,
      nameLabel: { text: bar.name, x: box.x, middleY: middle, width: labelColumn, align: 'right', style: rowLabelStyle },
      valueLabel: {
        text: valueTexts[index],
        x: left + Math.max(totalWidth, partWidth) + c.valueLabelGap,
        middleY: middle,
        width: valueWidth,
        align: 'left',
        style: valueStyle,
      },
    };
  });

  return { legend, plot: { left, right, top, bottom }, axisMax, ticks, rows };
}

function drawComparison(canvas: ReportCanvas, layout: ComparisonLayout, chart: ComparisonChart): void {
  const { doc } = canvas;
  const { plot } = layout;
  const { colours } = chart;
  for (const { swatch, label } of layout.legend) {
    drawSwatch(canvas, swatch);
    drawLabel(canvas, label);
  }
  // Grid lines behind the bars (the one at 0 is the category axis, drawn after them).
  doc.lineWidth(0.5).strokeColor(colours.grid);
  for (const tick of layout.ticks.slice(1)) doc.moveTo(tick.x, plot.top).lineTo(tick.x, plot.bottom);
  doc.stroke();
  for (const row of layout.rows) {
    if (row.totalWidth > 0) canvas.fillRect(plot.left, row.barY, row.totalWidth, row.barHeight, colours.total);
    if (row.partWidth > 0) canvas.fillRect(plot.left, row.barY, row.partWidth, row.barHeight, colours.part);
  }
  doc.moveTo(plot.left, plot.top).lineTo(plot.left, plot.bottom).lineWidth(1).strokeColor(colours.grid).stroke();
  for (const tick of layout.ticks) drawLabel(canvas, tick.label);
  for (const row of layout.rows) {
    drawLabel(canvas, row.nameLabel);
    drawLabel(canvas, row.valueLabel);
  }
}

/**
 * A value axis from 0 with round steps (1, 2, 3 or 5 × 10ⁿ, whole numbers only), about
 * `splitNumber` of them, its maximum the first step at or above `max`: 90 → 0…100 by 20,
 * 3 → 0…3 by 1. An empty or all-zero chart gets 0…1.
 */
export function niceAxis(max: number, splitNumber: number): { max: number; interval: number } {
  if (!(max > 0)) return { max: 1, interval: 1 };
  const interval = Math.max(1, niceStep(max / splitNumber));
  return { max: roundToStep(Math.ceil(max / interval - 1e-9) * interval, interval), interval };
}

function niceStep(rough: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / magnitude;
  const nice = fraction < 1.5 ? 1 : fraction < 2.5 ? 2 : fraction < 4 ? 3 : fraction < 7 ? 5 : 10;
  return nice * magnitude;
}

/** Removes floating-point noise from a multiple of `step` (0.1 × 3 → 0.3, not 0.30000000000000004). */
function roundToStep(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(value.toFixed(decimals));
}

// ---------------------------------------------------------------------------------------------
// Donut chart

const DONUT = {
  /** Centre across the box, as a share of its width. */
  centreX: 0.3,
  /** Outer and inner radius as shares of half the box's shorter side. */
  outer: 0.78,
  inner: 0.45,
  sliceBorder: 1,
  legendRightInset: 13,
  legendSwatch: 9,
  legendTextGap: 5,
  legendItemGap: 8,
  legendSize: 8,
  /** A legend row's height, in ems of its text. */
  legendLineHeight: 1.375,
  /** Space kept between the ring and the legend when legend names must be shortened. */
  ringGap: 10,
} as const;

export interface DonutLayout {
  readonly centre: { readonly x: number; readonly y: number };
  readonly outerRadius: number;
  readonly innerRadius: number;
  /** Angles in radians clockwise from 12 o'clock; slices of 0 are left out. */
  readonly arcs: readonly { readonly slice: DonutSlice; readonly start: number; readonly end: number }[];
  readonly legend: readonly { readonly swatch: ChartSwatch; readonly label: ChartLabel }[];
}

export function layOutDonutChart(canvas: ReportCanvas, chart: DonutChart, box: ChartBox): DonutLayout {
  const d = DONUT;
  const half = Math.min(box.width, box.height) / 2;
  const centre = { x: box.x + box.width * d.centreX, y: box.y + box.height / 2 };
  const outerRadius = half * d.outer;
  const innerRadius = half * d.inner;

  const total = chart.slices.reduce((sum, slice) => sum + Math.max(slice.value, 0), 0);
  const arcs = [];
  let start = 0;
  for (const slice of chart.slices) {
    if (!(slice.value > 0) || total === 0) continue;
    const end = start + (2 * Math.PI * slice.value) / total;
    arcs.push({ slice, start, end });
    start = end;
  }

  // Legend: one row per slice, right-aligned against the box, centred vertically.
  const style = textStyle(d.legendSize, chart.colours.text);
  const texts = chart.slices.map((slice) => `${slice.name}  ${slice.value}`);
  const textRoom = Math.max(0, box.x + box.width - d.legendRightInset - (centre.x + outerRadius + d.ringGap) - d.legendSwatch - d.legendTextGap);
  const textWidth = Math.min(Math.max(0, ...texts.map((text) => canvas.widthOf(text, style))), textRoom);
  const rowHeight = Math.max(d.legendSwatch, d.legendSize * d.legendLineHeight);
  const legendHeight = chart.slices.length * rowHeight + Math.max(0, chart.slices.length - 1) * d.legendItemGap;
  const legendX = box.x + box.width - d.legendRightInset - textWidth - d.legendSwatch - d.legendTextGap;
  const legendTop = box.y + (box.height - legendHeight) / 2;
  const legend = chart.slices.map((slice, index) => {
    const middleY = legendTop + index * (rowHeight + d.legendItemGap) + rowHeight / 2;
    return {
      swatch: { x: legendX, y: middleY - d.legendSwatch / 2, width: d.legendSwatch, height: d.legendSwatch, colour: slice.colour },
      label: {
        text: fitLegendText(canvas, slice, style, textWidth),
        x: legendX + d.legendSwatch + d.legendTextGap,
        middleY,
        width: textWidth,
        align: 'left',
        style,
      } as const,
    };
  });
  return { centre, outerRadius, innerRadius, arcs, legend };
}

/** "name  value", the name shortened with an ellipsis when the line is too wide: the value always shows. */
function fitLegendText(canvas: ReportCanvas, slice: DonutSlice, style: TextStyle, width: number): string {
  const value = `  ${slice.value}`;
  let name = slice.name;
  if (canvas.widthOf(name + value, style) <= width) return name + value;
  while (name.length > 0 && canvas.widthOf(`${name}…${value}`, style) > width) name = name.slice(0, -1);
  return `${name}…${value}`;
}

function drawDonut(canvas: ReportCanvas, layout: DonutLayout, chart: DonutChart): void {
  const { doc } = canvas;
  const { centre, outerRadius, innerRadius } = layout;
  const ring = (colour: string): void => {
    doc.circle(centre.x, centre.y, outerRadius).circle(centre.x, centre.y, innerRadius).fill(colour, 'even-odd');
  };
  if (layout.arcs.length === 0) ring(chart.colours.empty);
  else if (layout.arcs.length === 1) ring(layout.arcs[0].slice.colour);
  else {
    doc.lineWidth(DONUT.sliceBorder).lineJoin('round');
    for (const { slice, start, end } of layout.arcs) {
      const outerStart = pointAt(centre, outerRadius, start);
      doc.moveTo(outerStart.x, outerStart.y);
      arcTo(doc, centre, outerRadius, start, end);
      const innerEnd = pointAt(centre, innerRadius, end);
      doc.lineTo(innerEnd.x, innerEnd.y);
      arcTo(doc, centre, innerRadius, end, start);
      doc.closePath().fillAndStroke(slice.colour, chart.colours.sliceBorder);
    }
  }
  for (const { swatch, label } of layout.legend) {
    drawSwatch(canvas, swatch);
    drawLabel(canvas, label);
  }
}

type Point = { readonly x: number; readonly y: number };

/** The point at `angle` radians clockwise from 12 o'clock (page coordinates: y grows downwards). */
function pointAt(centre: Point, radius: number, angle: number): Point {
  return { x: centre.x + radius * Math.sin(angle), y: centre.y - radius * Math.cos(angle) };
}

/** Continues the path along the circle from `from` to `to` (either direction) in Bézier pieces of at most 90°. */
function arcTo(doc: PDFKit.PDFDocument, centre: Point, radius: number, from: number, to: number): void {
  const pieces = Math.max(1, Math.ceil(Math.abs(to - from) / (Math.PI / 2) - 1e-9));
  const step = (to - from) / pieces;
  const k = (4 / 3) * Math.tan(step / 4) * radius;
  for (let piece = 0; piece < pieces; piece += 1) {
    const a0 = from + piece * step;
    const a1 = a0 + step;
    const p0 = pointAt(centre, radius, a0);
    const p1 = pointAt(centre, radius, a1);
    // The tangent at angle a, moving clockwise, is (cos a, sin a).
    doc.bezierCurveTo(p0.x + k * Math.cos(a0), p0.y + k * Math.sin(a0), p1.x - k * Math.cos(a1), p1.y - k * Math.sin(a1), p1.x, p1.y);
  }
}
