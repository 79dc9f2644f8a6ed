import { loadPdfFonts } from './fonts.js';
import { renderSummaryPdf, type RenderedSummary } from './summary-renderer.js';
import type { SummaryData, SummaryLanguage, TaskRow } from './summary-data.js';
import { loadSummaryTemplate } from './template.js';
import { buildSummaryFixture } from './testing/summary-fixture.js';

interface OutlineNode {
  title: string;
  items: OutlineNode[];
}

interface PlacedText {
  str: string;
  /** Left end of the baseline, in points from the page's bottom-left corner. */
  x: number;
  y: number;
  width: number;
}

interface ReadBack {
  numPages: number;
  /** Each page's text, as pdf.js extracts it. */
  pages: string[];
  /** Each page's text runs with their positions. */
  placed: PlacedText[][];
  pageSize: { width: number; height: number };
  outline: OutlineNode[];
}

/** Reads a PDF back the way a viewer or a search index would, with pdf.js. */
async function readPdf(bytes: Buffer): Promise<ReadBack> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    const placed: PlacedText[][] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const content = await (await pdf.getPage(number)).getTextContent();
      const runs = content.items.flatMap((item) =>
        'str' in item ? [{ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width }] : [],
      );
      pages.push(runs.map((run) => run.str).join(''));
      placed.push(runs.filter((run) => run.str.trim() !== ''));
    }
    const [, , width, height] = (await pdf.getPage(1)).view;
    const outline = ((await pdf.getOutline()) ?? []) as OutlineNode[];
    return { numPages: pdf.numPages, pages, placed, pageSize: { width, height }, outline };
  } finally {
    await pdf.destroy();
  }
}

/** Text compared without whitespace: wrapping inside table cells splits lines anywhere. */
function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Every embedded font program (FontFile2 for TrueType) and every font descriptor, from the raw bytes. */
function fontDescriptors(bytes: Buffer): { descriptors: number; embedded: number; type1: number } {
  const pdf = bytes.toString('latin1');
  return {
    descriptors: pdf.match(/\/Type \/FontDescriptor/g)?.length ?? 0,
    embedded: pdf.match(/\/FontFile[23]? /g)?.length ?? 0,
    type1: pdf.match(/\/Subtype \/Type1\b/g)?.length ?? 0,
  };
}

/**
 * Text runs outside the content box, other than the running header and footer (which belong in
 * the margins): anything overflowing a margin shows up here.
 */
function textOutsideContentBox(pdf: ReadBack, furniture: (text: string) => boolean): string[] {
  const { margins } = template.page;
  const { width, height } = pdf.pageSize;
  const slack = 1;
  return pdf.placed.flatMap((runs, index) =>
    runs
      .filter((run) => !furniture(run.str))
      .filter(
        (run) =>
          run.x < margins.left - slack ||
          run.x + run.width > width - margins.right + slack ||
          run.y < margins.bottom - slack ||
          run.y > height - margins.top + slack,
      )
      .map((run) => `page ${index + 1}: "${run.str}" at (${run.x.toFixed(1)}, ${run.y.toFixed(1)}) width ${run.width.toFixed(1)}`),
  );
}

const template = loadSummaryTemplate();
const fonts = loadPdfFonts();

describe('renderSummaryPdf', () => {
  describe.each<SummaryLanguage>(['zh', 'en'])('the 35 first-batch pilots in %s', (language) => {
    const labels = template.labels[language];
    const localName = (zh: string, en: string) => (language === 'zh' ? zh : en);
    let data: SummaryData;
    let rendered: RenderedSummary;
    let pdf: ReadBack;
    let allText: string;

    beforeAll(async () => {
      data = buildSummaryFixture({ language });
      rendered = await renderSummaryPdf(data, template, fonts);
      pdf = await readPdf(rendered.bytes);
      allText = squeeze(pdf.pages.join('\n'));
    }, 60_000);

    it('reports the page count the PDF has', () => {
      expect(rendered.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.numPages).toBe(rendered.pageCount);
      expect(rendered.pageCount).toBeGreaterThan(data.pilots.length);
    });

    it('names every pilot in the report language', () => {
      expect(data.pilots).toHaveLength(35);
      for (const pilot of data.pilots) expect(allText).toContain(squeeze(localName(pilot.nameZh, pilot.nameEn)));
      // Labels come from the report language only (pilots' own content stays as they wrote it).
      const otherLabels = template.labels[language === 'zh' ? 'en' : 'zh'];
      const hasOtherMarker = allText.includes(squeeze(otherLabels.notSubmittedNote));
      expect(hasOtherMarker).toBe(false);
      expect(allText.includes(squeeze(otherLabels.sectionTitles.experiences))).toBe(false);
    });

    it('shows the tasks, the experiences and the cover', () => {
      for (const task of data.pilots.flatMap((pilot) => pilot.tasks)) expect(allText).toContain(squeeze(task.title));
      for (const experience of data.experiences) expect(allText).toContain(squeeze(experience.title));
      expect(pdf.pages[0]).toContain(labels.coverTitle);
      expect(pdf.pages[0]).toContain(data.summaryId);
      expect(pdf.pages[0]).toContain('2024-10-20 09:30'); // generatedAt 01:30 UTC in Asia/Shanghai
    });

    it('marks each pilot without a report as not submitted, on its own page', () => {
      const missing = data.pilots.filter((pilot) => pilot.report === null);
      expect(missing.length).toBeGreaterThan(0);
      for (const pilot of missing) {
        const name = localName(pilot.nameZh, pilot.nameEn);
        const page = pdf.pages.find((text) => text.includes(name) && text.includes(labels.notSubmittedNote));
        expect(page).toContain(labels.notSubmitted);
      }
      const markers = pdf.pages.join('\n').split(labels.notSubmittedNote).length - 1;
      expect(markers).toBe(missing.length);
    });

    it('numbers every page "page X of Y"', () => {
      pdf.pages.forEach((text, index) => {
        const footer = labels.pageFooter.replace('{page}', String(index + 1)).replace('{pages}', String(pdf.numPages));
        expect(text).toContain(footer);
      });
      if (language === 'zh') expect(pdf.pages[0]).toContain(`第 1 页 / 共 ${rendered.pageCount} 页`);
    });

    it('keeps all text inside the margins except the running header and footer', () => {
      const furniture = (text: string) =>
        text === labels.coverTitle || text === data.period.label || /^(第 \d+ 页 \/ 共 \d+ 页|Page \d+ of \d+)$/.test(text);
      expect(textOutsideContentBox(pdf, furniture)).toEqual([]);
    });

    it('has an outline entry for every section and, under the pilots, one per pilot', () => {
      expect(pdf.outline.map((entry) => entry.title)).toEqual(template.sections.map((section) => labels.sectionTitles[section]));
      const pilots = pdf.outline.find((entry) => entry.title === labels.sectionTitles.pilots);
      expect(pilots?.items.map((entry) => entry.title)).toEqual(data.pilots.map((pilot) => localName(pilot.nameZh, pilot.nameEn)));
    });

    it('embeds every font it uses (subset TrueType), so Chinese text is extractable anywhere', () => {
      const fontsInFile = fontDescriptors(rendered.bytes);
      expect(fontsInFile.descriptors).toBe(2); // Noto Sans SC regular and bold
      expect(fontsInFile.embedded).toBe(fontsInFile.descriptors);
      expect(fontsInFile.type1).toBe(0); // no standard (non-embedded) fonts
      expect(rendered.bytes.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Bold/);
      expect(allText).toContain(squeeze(labels.sectionTitles.experiences));
    });

    it('draws the charts as vectors with searchable labels, not as images', () => {
      expect(rendered.bytes.toString('latin1')).not.toContain('/Subtype /Image');
      const overview = squeeze(pdf.pages.slice(1, 4).join(''));
      expect(overview).toContain(squeeze(`${labels.taskStatuses.on_track}  ${data.overview.tasksByStatus.on_track}`));
      expect(overview).toContain(squeeze(labels.seriesReceived));
      // Every bar of the category and province charts with its "part/total" label.
      const runs = pdf.placed.slice(1, 4).flat().map((run) => run.str);
      for (const row of data.overview.byCategory) {
        expect(runs).toContain(labels.categories[row.category]);
        expect(runs).toContain(`${row.completed}/${row.tasks}`);
      }
      for (const row of data.overview.byProvince) {
        expect(runs).toContain(localName(row.provinceZh, row.provinceEn));
        expect(runs).toContain(`${row.received}/${row.expected}`);
      }
    });
  });

  it('renders a period with nothing in it: no pilots, reports, overdue items or experiences', async () => {
    const empty = buildSummaryFixture({ pilotCount: 0 });
    expect(empty.overview.byCategory).toEqual([]);
    const { bytes, pageCount } = await renderSummaryPdf(empty, template, fonts);
    const pdf = await readPdf(bytes);
    expect(pdf.numPages).toBe(pageCount);
    const text = pdf.pages.join('');
    expect(text).toContain(template.labels.zh.overdueNone.replace('{asOf}', empty.asOf));
    expect(text).toContain(template.labels.zh.experiencesNone);
  });

  it('renders a pilot without tasks or indicators, and a province-scoped cover', async () => {
    const data = buildSummaryFixture({ pilotCount: 2, tasksPerPilot: 0, language: 'en' });
    data.scope = { province: '河北省', selectedPilots: true, pilotCount: 2 };
    data.pilots[0].indicators = [];
    const pdf = await readPdf((await renderSummaryPdf(data, template, fonts)).bytes);
    expect(pdf.pages[0]).toContain('河北省 · selected pilots · 2 pilots');
    expect(pdf.pages.join('')).toContain(template.labels.en.noTasks);
  });

  it('writes each finished page out while drawing (the memory saving that relies on pdfkit internals)', async () => {
    const { bytes, pageCount } = await renderSummaryPdf(buildSummaryFixture({ pilotCount: 3 }), template, fonts);
    // Every page but the last gets a second content stream, for its footer, once it is finished.
    expect(bytes.toString('latin1').match(/\/Contents \[\d+ 0 R \d+ 0 R\]/g)).toHaveLength(pageCount - 1);
  });

  it('renders the same bytes for the same data', async () => {
    const data = buildSummaryFixture({ pilotCount: 6 });
    const first = await renderSummaryPdf(data, template, fonts);
    const second = await renderSummaryPdf(structuredClone(data), template, fonts);
    expect(second.bytes.equals(first.bytes)).toBe(true);
  });

  it('reports progress from 0 to 100 as the pilots are drawn, yielding to the event loop', async () => {
    const data = buildSummaryFixture({ pilotCount: 20, tasksPerPilot: 3 });
    const reported: number[] = [];
    let timerRan = false;
    setImmediate(() => {
      timerRan = true;
    });
    let timerRanBeforeEnd = false;
    await renderSummaryPdf(data, template, fonts, {
      onProgress: (percent) => {
        reported.push(percent);
        if (percent < 100 && timerRan) timerRanBeforeEnd = true;
      },
    });
    expect(reported[0]).toBe(0);
    expect(reported.at(-1)).toBe(100);
    expect(reported).toEqual([...reported].sort((a, b) => a - b));
    expect(new Set(reported).size).toBe(reported.length);
    expect(reported.length).toBeGreaterThan(10);
    expect(timerRanBeforeEnd).toBe(true);
  });

  it('flows a 5,000-character narrative and a 60-task pilot over more pages, repeating table headers', async () => {
    const short = buildSummaryFixture({ pilotCount: 1 });
    const long = buildSummaryFixture({ pilotCount: 1, tasksPerPilot: 60 });
    const pilot = long.pilots[0];
    const sentence = '本季度围绕能源结构调整、产业绿色转型和城乡建设绿色发展持续发力，重点工程项目建设总体符合预期。';
    const narrative = `${sentence.repeat(Math.ceil(5000 / sentence.length)).slice(0, 4990)}【说明结束】`;
    expect(narrative).toHaveLength(4996);
    if (pilot.report === null) throw new Error('the first fixture pilot has a report');
    pilot.report.summary = narrative;
    pilot.tasks[59] = { ...(pilot.tasks[59] as TaskRow), title: `${'超长任务名称'.repeat(30)}（末项）`, narrative };

    const shortRender = await renderSummaryPdf(short, template, fonts);
    const longRender = await renderSummaryPdf(long, template, fonts);
    const pdf = await readPdf(longRender.bytes);

    expect(pdf.numPages).toBe(longRender.pageCount);
    expect(longRender.pageCount).toBeGreaterThanOrEqual(shortRender.pageCount + 4);
    const text = squeeze(pdf.pages.join(''));
    expect(text.split('【说明结束】')).toHaveLength(3); // both long texts arrive whole
    expect(text).toContain('（末项）');
    for (const task of pilot.tasks) expect(text).toContain(squeeze(task.title));
    // The 60-row task table spans pages, each of them starting with the header row again.
    const { columns, taskStatuses } = template.labels.zh;
    const taskTablePages = pdf.pages.filter((page) => /T\d\d/.test(page) && page.includes(taskStatuses.on_track));
    expect(taskTablePages.length).toBeGreaterThan(1);
    for (const page of taskTablePages) expect(squeeze(page)).toContain(squeeze(`${columns.code}${columns.task}${columns.category}`));
    const furniture = (text: string) => text === template.labels.zh.coverTitle || text === long.period.label || /^第 \d+ 页/.test(text);
    expect(textOutsideContentBox(pdf, furniture)).toEqual([]);
  }, 60_000);
});
