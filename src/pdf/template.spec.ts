import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  defaultSummaryTemplatePath,
  loadSummaryTemplate,
  parseSummaryTemplate,
  SECTION_IDS,
  TemplateValidationError,
} from './template.js';

function shippedTemplate(): Record<string, any> {
  return JSON.parse(readFileSync(defaultSummaryTemplatePath(), 'utf8')) as Record<string, any>;
}

function problemsOf(raw: unknown): string[] {
  try {
    parseSummaryTemplate(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateValidationError);
    return [...(error as TemplateValidationError).problems];
  }
  throw new Error('the template was accepted');
}

describe('summary template', () => {
  it('ships a valid template with every section and both languages', () => {
    const template = loadSummaryTemplate();
    expect(template.page.size).toBe('A4');
    expect(template.sections).toEqual(SECTION_IDS);
    expect(template.labels.zh.coverTitle).toBe('国家碳达峰试点进展汇总报告');
    expect(template.labels.en.coverTitle).toBe('Carbon-Peaking Pilot Progress Summary');
    expect(template.labels.zh.notSubmitted).toBe('未提交');
    expect(template.labels.en.notSubmitted).toBe('not submitted');
    expect(template.labels.zh.pageFooter).toBe('第 {page} 页 / 共 {pages} 页');
    expect(template.labels.en.pageFooter).toBe('Page {page} of {pages}');
    expect(template.labels.zh.categories.energy).toBe('能源');
    expect(Object.keys(template.labels.en.categories)).toHaveLength(11);
  });

  it('parses each file once and hands out the same frozen object', () => {
    const first = loadSummaryTemplate();
    expect(loadSummaryTemplate(defaultSummaryTemplatePath())).toBe(first);
    expect(Object.isFrozen(first.labels.zh.categories)).toBe(true);
  });

  it('names every bad key by its path in one error', () => {
    const raw = shippedTemplate();
    delete raw.labels.en.coverTitle;
    raw.labels.zh.coverTitel = '拼写错误';
    raw.labels.zh.pageFooter = '第 {page} 页';
    raw.labels.en.overdueIntro = 'As of {asof}, {count} items are overdue.';
    raw.labels.en.categories.water = '';
    delete raw.labels.zh.taskStatuses.delayed;
    raw.colours.primary = 'green';
    raw.colours.taskStatuses.at_risk = '#abc';
    raw.sections = ['cover', 'overview', 'foo', 'pilots', 'pilots'];
    raw.page.size = 'B7';
    raw.page.margins.bottom = 10;

    const problems = problemsOf(raw);
    expect(problems).toEqual(
      expect.arrayContaining([
        'labels.en.coverTitle is missing',
        'labels.zh.coverTitel is not a known key',
        'labels.zh.pageFooter must contain {pages}',
        'labels.en.overdueIntro must contain {asOf}',
        'labels.en.overdueIntro has unknown placeholder {asof}',
        'labels.en.categories.water must be a non-empty string (got "")',
        'labels.zh.taskStatuses.delayed is missing',
        'colours.primary must be a #rrggbb colour (got "green")',
        'colours.taskStatuses.at_risk must be a #rrggbb colour (got "#abc")',
        'sections[2] "foo" is not a known section (cover, overview, overdue, pilots, experiences)',
        'sections[4] "pilots" appears more than once',
        'page.size must be one of A4, A3, A5, LETTER, LEGAL (got "B7")',
        'page.margins.bottom must be a number of points from 36 to 144 (got 10)',
      ]),
    );
    expect(problems).toHaveLength(13);
  });

  it('reports missing groups and wrong types without stopping at the first', () => {
    const raw = shippedTemplate();
    delete raw.colours;
    raw.labels.en = 'English';
    raw.sections = [];
    expect(problemsOf(raw)).toEqual([
      'colours is missing',
      'sections must be a non-empty array of section names',
      'labels.en must be an object',
    ]);
    expect(problemsOf(null)).toEqual(['the template must be an object']);
  });

  it('refuses a file that is not JSON, naming the file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'summary-template-')), 'broken.json');
    writeFileSync(file, '{ "page": ');
    expect(() => loadSummaryTemplate(file)).toThrow(TemplateValidationError);
    expect(() => loadSummaryTemplate(file)).toThrow(/broken\.json:\n {2}- is not valid JSON/);
  });
});
