import PDFDocument from 'pdfkit';
import { drawChart, layOutComparisonChart, layOutDonutChart, niceAxis, type ChartBox, type ComparisonBar } from './charts.js';
import { loadPdfFonts, registerPdfFonts } from './fonts.js';
import { ReportCanvas } from './pdf-layout.js';
import { comparisonChart, comparisonChartHeight, taskStatusChart } from './sections/overview-charts.js';
import { renderSummaryPdf } from './summary-renderer.js';
import type { SummaryLanguage, SummaryOverview } from './summary-data.js';
import { loadSummaryTemplate } from './template.js';
import { buildSummaryFixture } from './testing/summary-fixture.js';

const template = loadSummaryTemplate();
const fonts = loadPdfFonts();
const { colours } = template;

interface PlacedText {
  str: string;
  /** Left end of the baseline, in points from the page's top-left corner (as pdfkit places things). */
  x: number;
  baseline: number;
  width: number;
}

/** Each page's text runs with their positions, read back with pdf.js as a viewer would. */
async function readText(bytes: Buffer): Promise<PlacedText[][]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  try {
    const pages: PlacedText[][] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const height = page.view[3];
      const content = await page.getTextContent();
      pages.push(
        content.items.flatMap((item) =>
          'str' in item && item.str.trim() !== ''
            ? [{ str: item.str, x: item.transform[4] as number, baseline: height - (item.transform[5] as number), width: item.width }]
            : [],
        ),
      );
    }
    return pages;
  } finally {
    await pdf.destroy();
  }
}

/** A one-page A4 document set up as the renderer sets it up, and a way to finish it. */
function newCanvas(): { canvas: ReportCanvas; finish: () => Promise<Buffer> } {
  const doc = new PDFDocument({ size: template.page.size, margins: { ...template.page.margins }, autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  registerPdfFonts(doc, fonts);
  doc.addPage();
  return {
    canvas: new ReportCanvas(doc, colours),
    finish: () => {
      doc.end();
      return ended;
    },
  };
}

/** Records the rectangles filled on the page: [x, y, width, height, colour]. */
function recordFilledRects(canvas: ReportCanvas): [number, number, number, number, string][] {
  const filled: [number, number, number, number, string][] = [];
  const fillRect = canvas.fillRect.bind(canvas);
  canvas.fillRect = (x, y, width, height, colour) => {
    filled.push([x, y, width, height, colour]);
    fillRect(x, y, width, height, colour);
  };
  return filled;
}

const squeeze = (text: string) => text.replace(/\s+/g, '');
const names = { total: 'Expected', part: 'Received' };

describe('charts drawn with pdfkit', () => {
  describe('niceAxis', () => {
    it('picks round steps from 0 to the first step at or above the largest value', () => {
      expect(niceAxis(90, 5)).toEqual({ max: 100, interval: 20 });
      expect(niceAxis(60, 5)).toEqual({ max: 60, interval: 10 });
      expect(niceAxis(3, 5)).toEqual({ max: 3, interval: 1 });
      expect(niceAxis(7, 5)).toEqual({ max: 7, interval: 1 });
      expect(niceAxis(1234, 5)).toEqual({ max: 1400, interval: 200 });
      expect(niceAxis(0.4, 5)).toEqual({ max: 1, interval: 1 }); // counts: never a fractional step
    });

    it('gives an empty or all-zero chart an axis from 0 to 1', () => {
      expect(niceAxis(0, 5)).toEqual({ max: 1, interval: 1 });
      expect(niceAxis(Number.NaN, 5)).toEqual({ max: 1, interval: 1 });
    });
  });

  describe('comparison chart layout', () => {
    const box: ChartBox = { x: 50, y: 100, width: 495, height: comparisonChartHeight(4) };

    it('draws bars in proportion to their values, part over total, on one scale', () => {
      const { canvas } = newCanvas();
      const bars = [
        { name: 'A', total: 90, part: 20 },
        { name: 'B', total: 60, part: 13 },
        { name: 'C', total: 30, part: 4 },
        { name: 'D', total: 45, part: 45 },
      ];
      const layout = layOutComparisonChart(canvas, comparisonChart(bars, names, colours), box);
      expect(layout.axisMax).toBe(100);
      const perUnit = (layout.plot.right - layout.plot.left) / layout.axisMax;
      layout.rows.forEach((row, index) => {
        expect(row.bar).toBe(bars[index]);
        expect(row.totalWidth).toBeCloseTo(bars[index].total * perUnit, 6);
        expect(row.partWidth).toBeCloseTo(bars[index].part * perUnit, 6);
      });
      // The first row at the top, every row inside the plot, none overlapping.
      const ys = layout.rows.map((row) => row.barY);
      expect(ys).toEqual([...ys].sort((a, b) => a - b));
      for (const [index, row] of layout.rows.entries()) {
        expect(row.barY).toBeGreaterThanOrEqual(layout.plot.top);
        expect(row.barY + row.barHeight).toBeLessThanOrEqual(layout.plot.bottom);
        if (index > 0) expect(row.barY).toBeGreaterThan(ys[index - 1] + row.barHeight);
      }
      // Ticks every 20 from 0 to 100, the last one at the end of the plot.
      expect(layout.ticks.map((tick) => tick.label.text)).toEqual(['0', '20', '40', '60', '80', '100']);
      expect(layout.ticks[0].x).toBe(layout.plot.left);
      expect(layout.ticks.at(-1)?.x).toBeCloseTo(layout.plot.right, 6);
    });

    it('fills the total bar completely at 100 % and draws no part bar at 0', () => {
      const { canvas } = newCanvas();
      const filled = recordFilledRects(canvas);
      const bars = [
        { name: 'all', total: 3, part: 3 },
        { name: 'none', total: 3, part: 0 },
        { name: 'nothing expected', total: 0, part: 0 },
      ];
      const chart = comparisonChart(bars, names, colours);
      const layout = layOutComparisonChart(canvas, chart, box);
      const [all, none, nothing] = layout.rows;
      expect(all.partWidth).toBe(all.totalWidth);
      expect(all.totalWidth).toBeCloseTo(layout.plot.right - layout.plot.left, 6);
      expect(none.partWidth).toBe(0);
      expect(none.totalWidth).toBe(all.totalWidth);
      expect(nothing.totalWidth).toBe(0);
      expect(nothing.valueLabel.text).toBe('0/0');
      expect(nothing.valueLabel.x).toBe(layout.plot.left + 5);

      drawChart(canvas, chart, box);
      const bar = (row: (typeof layout.rows)[number], width: number, colour: string) => [layout.plot.left, row.barY, width, row.barHeight, colour];
      expect(filled).toEqual([
        bar(all, all.totalWidth, colours.neutral),
        bar(all, all.partWidth, colours.primary),
        bar(none, none.totalWidth, colours.neutral),
      ]);
    });

    it('draws an all-zero chart on an axis from 0 to 1 without bars', () => {
      const { canvas } = newCanvas();
      const layout = layOutComparisonChart(canvas, comparisonChart([{ name: 'X', total: 0, part: 0 }], names, colours), box);
      expect(layout.axisMax).toBe(1);
      expect(layout.ticks.map((tick) => tick.label.text)).toEqual(['0', '1']);
      expect(layout.rows[0].totalWidth).toBe(0);
      for (const value of [layout.plot.left, layout.plot.right, layout.rows[0].barY]) expect(Number.isFinite(value)).toBe(true);
    });

    it('shortens a very long name so the bars keep most of the width', async () => {
      const { canvas, finish } = newCanvas();
      const long = `${'内蒙古自治区鄂尔多斯市'.repeat(8)}（末尾）`;
      const chart = comparisonChart([{ name: long, total: 3, part: 2 }, { name: '河北省', total: 2, part: 1 }], names, colours);
      const layout = layOutComparisonChart(canvas, chart, box);
      expect(layout.plot.left - box.x).toBeLessThanOrEqual(box.width * 0.35 + 8);
      drawChart(canvas, chart, box);
      const runs = (await readText(await finish()))[0];
      const shortened = runs.find((run) => run.str.startsWith('内蒙古自治区'));
      expect(shortened?.str).toMatch(/…$/);
      expect(shortened?.str).not.toContain('（末尾）');
      expect(shortened!.x).toBeGreaterThanOrEqual(box.x - 0.5);
      expect(shortened!.x + shortened!.width).toBeLessThanOrEqual(layout.plot.left);
      expect(runs.map((run) => run.str)).toContain('河北省');
    });

    it('makes room on the right for wide "part/total" labels', () => {
      const { canvas } = newCanvas();
      const layout = layOutComparisonChart(canvas, comparisonChart([{ name: 'A', total: 123_456, part: 99_999 }], names, colours), box);
      const label = layout.rows[0].valueLabel;
      expect(label.text).toBe('99999/123456');
      expect(label.x + label.width).toBeLessThanOrEqual(box.x + box.width);
    });
  });

  describe.each<SummaryLanguage>(['zh', 'en'])('rendered in %s', (language) => {
    const labels = template.labels[language];
    const fixture = buildSummaryFixture({ language });
    const localName = (zh: string, en: string) => (language === 'zh' ? zh : en);

    it('writes every bar’s name and "part/total" as text, inside the box, names left of the bars, values right of them', async () => {
      const { canvas, finish } = newCanvas();
      const bars = fixture.overview.byProvince.map((row) => ({
        name: localName(row.provinceZh, row.provinceEn),
        total: row.expected,
        part: row.received,
      }));
      const box: ChartBox = { x: canvas.left, y: canvas.top, width: canvas.width, height: comparisonChartHeight(bars.length) };
      const chart = comparisonChart(bars, { total: labels.seriesExpected, part: labels.seriesReceived }, colours);
      const layout = layOutComparisonChart(canvas, chart, box);
      drawChart(canvas, chart, box);
      const runs = (await readText(await finish()))[0];

      const texts = runs.map((run) => run.str.trim());
      expect(texts).toEqual(expect.arrayContaining([labels.seriesReceived, labels.seriesExpected]));
      for (const [index, bar] of bars.entries()) {
        const row = layout.rows[index];
        const name = runs.find((run) => run.str === bar.name && Math.abs(run.baseline - (row.barY + row.barHeight / 2)) < 6);
        const value = runs.find((run) => run.str === `${bar.part}/${bar.total}` && Math.abs(run.baseline - (row.barY + row.barHeight / 2)) < 6);
        expect(name).toBeDefined();
        expect(value).toBeDefined();
        expect(name!.x + name!.width).toBeLessThanOrEqual(layout.plot.left);
        expect(value!.x).toBeGreaterThanOrEqual(layout.plot.left + row.totalWidth);
      }
      for (const run of runs) {
        expect(run.x).toBeGreaterThanOrEqual(box.x - 0.5);
        expect(run.x + run.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
        expect(run.baseline).toBeGreaterThan(box.y);
        expect(run.baseline).toBeLessThanOrEqual(box.y + box.height);
      }
    });

    it('draws the task-status donut: slices in proportion, every status with its count in the legend', async () => {
      const { canvas, finish } = newCanvas();
      const box: ChartBox = { x: canvas.left, y: canvas.top, width: (canvas.width - 16) / 2, height: 160 };
      const chart = taskStatusChart(fixture.overview, labels, colours);
      const layout = layOutDonutChart(canvas, chart, box);
      const counts = fixture.overview.tasksByStatus;
      const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
      expect(layout.arcs).toHaveLength(5);
      expect(layout.arcs[0].start).toBe(0);
      expect(layout.arcs.at(-1)?.end).toBeCloseTo(2 * Math.PI, 9);
      for (const arc of layout.arcs) {
        const status = Object.entries(labels.taskStatuses).find(([, label]) => label === arc.slice.name)?.[0] as keyof typeof counts;
        expect(arc.end - arc.start).toBeCloseTo((2 * Math.PI * counts[status]) / total, 9);
        expect(arc.slice.colour).toBe(colours.taskStatuses[status]);
      }
      // The legend clear of the ring, inside the box.
      for (const { label, swatch } of layout.legend) {
        expect(swatch.x).toBeGreaterThan(layout.centre.x + layout.outerRadius);
        expect(label.x + label.width).toBeLessThanOrEqual(box.x + box.width);
      }

      drawChart(canvas, chart, box);
      const text = squeeze((await readText(await finish()))[0].map((run) => run.str).join(''));
      for (const [status, label] of Object.entries(labels.taskStatuses)) {
        expect(text).toContain(squeeze(`${label}  ${counts[status as keyof typeof counts]}`));
      }
    });
  });

  describe('donut edge cases', () => {
    const box: ChartBox = { x: 50, y: 100, width: 240, height: 160 };
    const overview = (tasksByStatus: SummaryOverview['tasksByStatus']) => ({ ...buildSummaryFixture({ pilotCount: 1 }).overview, tasksByStatus });

    it('with no task lines: no slices, a grey ring, and every status at 0 in the legend', async () => {
      const { canvas, finish } = newCanvas();
      const zero = { not_started: 0, on_track: 0, at_risk: 0, delayed: 0, completed: 0 };
      const chart = taskStatusChart(overview(zero), template.labels.zh, colours);
      const layout = layOutDonutChart(canvas, chart, box);
      expect(layout.arcs).toEqual([]);
      expect(layout.legend.map((entry) => entry.label.text)).toEqual(Object.values(template.labels.zh.taskStatuses).map((label) => `${label}  0`));
      drawChart(canvas, chart, box);
      const pdf = (await finish()).toString('latin1');
      expect(pdf).toContain('%PDF-');
    });

    it('with every task line in one status: one full ring, zero slices left out of the ring but kept in the legend', () => {
      const { canvas } = newCanvas();
      const chart = taskStatusChart(overview({ not_started: 0, on_track: 0, at_risk: 0, delayed: 0, completed: 12 }), template.labels.en, colours);
      const layout = layOutDonutChart(canvas, chart, box);
      expect(layout.arcs).toHaveLength(1);
      expect(layout.arcs[0].end - layout.arcs[0].start).toBeCloseTo(2 * Math.PI, 9);
      expect(layout.legend).toHaveLength(5);
      expect(layout.legend[4].label.text).toBe('Completed  12');
    });

    it('shortens a long status name in the legend but always shows the count', () => {
      const { canvas } = newCanvas();
      const chart = {
        ...taskStatusChart(overview({ not_started: 1, on_track: 2, at_risk: 3, delayed: 4, completed: 5 }), template.labels.en, colours),
      };
      const slices = chart.slices.map((slice, index) => (index === 1 ? { ...slice, name: 'On track according to the plan agreed with the province' } : slice));
      const layout = layOutDonutChart(canvas, { ...chart, slices }, box);
      const label = layout.legend[1].label;
      expect(label.text).toMatch(/^On track.*…  2$/);
      expect(canvas.widthOf(label.text, label.style)).toBeLessThanOrEqual(label.width);
      expect(layout.legend[1].swatch.x).toBeGreaterThan(layout.centre.x + layout.outerRadius);
    });
  });

  it('leaves the text cursor where it was', () => {
    const { canvas } = newCanvas();
    canvas.doc.x = 77;
    canvas.y = 123;
    const bars: ComparisonBar[] = [{ name: 'A', total: 2, part: 1 }];
    drawChart(canvas, comparisonChart(bars, names, colours), { x: 50, y: 200, width: 300, height: 120 });
    expect(canvas.doc.x).toBe(77);
    expect(canvas.y).toBe(123);
  });

  it('fits a 35-province chart on one page of the report, every name and value readable', async () => {
    const data = buildSummaryFixture({ language: 'zh' });
    const names35 = Array.from({ length: 35 }, (_, index) =>
      index % 5 === 4 ? `新疆生产建设兵团第${index + 1}师超长名称试点园区管理委员会（示范区）` : `第${index + 1}省`,
    );
    data.overview.byProvince = names35.map((name, index) => ({
      provinceZh: name,
      provinceEn: name,
      expected: 1 + (index % 4),
      received: index % 4,
      onTime: 0,
      completeness: index % 4 / (1 + (index % 4)),
      timeliness: 0,
    }));
    const rendered = await renderSummaryPdf(data, template, fonts);
    const pages = await readText(rendered.bytes);
    const labels = template.labels.zh;
    const chartPage = pages.find((runs) => runs.some((run) => run.str === labels.chartByProvince));
    expect(chartPage).toBeDefined();
    const onPage = chartPage!.map((run) => run.str);
    for (const [index, name] of names35.entries()) {
      const row = data.overview.byProvince[index];
      expect(onPage).toContain(`${row.received}/${row.expected}`);
      if (name.length < 10) expect(onPage).toContain(name);
      else expect(onPage.some((text) => text.endsWith('…') && name.startsWith(text.slice(0, -1)))).toBe(true);
    }
    // Nothing of the chart crosses a margin.
    const { margins } = template.page;
    const [width, height] = [595.28, 841.89];
    for (const run of chartPage!) {
      expect(run.x).toBeGreaterThanOrEqual(margins.left - 1);
      expect(run.x + run.width).toBeLessThanOrEqual(width - margins.right + 1);
      if (run.str !== labels.coverTitle && run.str !== data.period.label && !/^第 \d+ 页/.test(run.str)) {
        expect(run.baseline).toBeGreaterThanOrEqual(margins.top);
        expect(run.baseline).toBeLessThanOrEqual(height - margins.bottom);
      }
    }
  }, 60_000);
});
