import { BarChart, PieChart, type BarSeriesOption, type PieSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  type GridComponentOption,
  type LegendComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import SVGtoPDF from 'svg-to-pdfkit';
import { PDF_FONT_NAMES } from './fonts.js';
import type { ReportCanvas } from './pdf-layout.js';

/**
 * Charts are drawn by echarts on the server as SVG and replayed into the PDF as vector paths and
 * real text (svg-to-pdfkit), so they stay sharp when zoomed and their labels are searchable.
 */

use([BarChart, PieChart, GridComponent, LegendComponent, SVGRenderer]);

export type ChartOption = ComposeOption<BarSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption>;

/** The font family named in chart SVG; every family maps to the embedded Noto Sans SC. */
export const CHART_FONT_FAMILY = 'Noto Sans SC';

/** Renders a chart `width` × `height` points as an SVG document. */
export function renderChartSvg(option: ChartOption, width: number, height: number): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Draws a chart at (x, y) on the current page, one SVG unit to one point. */
export function drawChart(canvas: ReportCanvas, option: ChartOption, x: number, y: number, width: number, height: number): void {
  const svg = renderChartSvg(option, width, height);
  SVGtoPDF(canvas.doc, svg, x, y, {
    width,
    height,
    assumePt: true,
    fontCallback: (_family, bold) => PDF_FONT_NAMES[bold ? 'bold' : 'regular'],
    warningCallback: (message) => {
      throw new Error(`Chart SVG could not be drawn: ${message}`);
    },
  });
}
