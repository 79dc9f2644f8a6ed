import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  PILOT_KINDS,
  REPORT_STATUSES,
  REVIEW_DECISIONS,
  TASK_CATEGORIES,
  TASK_PROGRESS_STATUSES,
} from '../common/domain.js';
import type { OverdueEntry, SummaryLanguage } from './summary-data.js';

/**
 * A summary report template (templates/*.json): page, colours, section order and every label in
 * Chinese and English. It is data so an office can adjust a report without touching code; this
 * module reads it and refuses a template with any bad key, naming each one by its path.
 */

export const SECTION_IDS = ['cover', 'overview', 'overdue', 'pilots', 'experiences'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const PAGE_SIZES = ['A4', 'A3', 'A5', 'LETTER', 'LEGAL'] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

const LANGUAGES = ['zh', 'en'] as const satisfies readonly SummaryLanguage[];
const MARGIN_SIDES = ['top', 'right', 'bottom', 'left'] as const;
const OVERDUE_TYPES = ['milestone', 'task', 'report'] as const satisfies readonly OverdueEntry['type'][];

/** Single labels, each with the `{placeholders}` it must contain (and the only ones it may). */
const TEXT_LABELS = {
  coverTitle: [],
  author: [],
  periodLabel: [],
  periodDates: ['start', 'end'],
  dueDate: [],
  scope: [],
  scopeAllProvinces: [],
  scopeSelectedPilots: [],
  scopePilotCount: ['count'],
  asOf: [],
  generatedAt: [],
  summaryId: [],
  chartTaskStatus: [],
  chartByProvince: [],
  chartByCategory: [],
  seriesExpected: [],
  seriesReceived: [],
  seriesTasks: [],
  seriesCompleted: [],
  byProvinceHeading: [],
  byCategoryHeading: [],
  noData: [],
  overdueIntro: ['asOf', 'count'],
  overdueNone: ['asOf'],
  pilotMeta: ['kind', 'province', 'code'],
  reportStatus: [],
  revision: ['revision'],
  submittedAt: [],
  submittedOnTime: [],
  submittedLate: [],
  notSubmitted: [],
  notSubmittedNote: [],
  tasksHeading: [],
  noTasks: [],
  notReported: [],
  indicatorsHeading: [],
  summaryHeading: [],
  narrativesHeading: [],
  reviewsHeading: [],
  reviewNoNote: [],
  attachmentsHeading: [],
  experiencesIntro: [],
  experiencesNone: [],
  recommended: [],
  experienceMeta: ['pilot', 'tags'],
  listSeparator: [],
  pageFooter: ['page', 'pages'],
} as const satisfies Record<string, readonly string[]>;
export type TextLabelKey = keyof typeof TEXT_LABELS;

const METRIC_KEYS = [
  'expected',
  'received',
  'accepted',
  'returned',
  'draft',
  'missing',
  'onTime',
  'late',
  'completeness',
  'timeliness',
  'milestones',
] as const;

const COLUMN_KEYS = [
  'province',
  'expected',
  'received',
  'onTime',
  'completeness',
  'timeliness',
  'category',
  'tasks',
  'completed',
  'avgPercentComplete',
  'milestones',
  'type',
  'pilot',
  'title',
  'dueDate',
  'daysOverdue',
  'code',
  'task',
  'status',
  'percentComplete',
  'indicator',
  'unit',
  'baseline',
  'latestValue',
  'target',
  'progress',
] as const;

/** Label groups named after an enumeration: every member needs a label. */
const LABEL_GROUPS = {
  sectionTitles: SECTION_IDS,
  metrics: METRIC_KEYS,
  columns: COLUMN_KEYS,
  categories: TASK_CATEGORIES,
  taskStatuses: TASK_PROGRESS_STATUSES,
  reportStatuses: REPORT_STATUSES,
  reviewDecisions: REVIEW_DECISIONS,
  pilotKinds: PILOT_KINDS,
  overdueTypes: OVERDUE_TYPES,
} as const;
type LabelGroups = typeof LABEL_GROUPS;

export type TemplateLabels = Readonly<Record<TextLabelKey, string>> & {
  readonly [Group in keyof LabelGroups]: Readonly<Record<LabelGroups[Group][number], string>>;
};

const COLOUR_KEYS = [
  'primary',
  'accent',
  'text',
  'muted',
  'border',
  'tableHeader',
  'tableStripe',
  'neutral',
  'notSubmitted',
] as const;
const COLOUR_GROUPS = { taskStatuses: TASK_PROGRESS_STATUSES, reportStatuses: REPORT_STATUSES } as const;
type ColourGroups = typeof COLOUR_GROUPS;

export type TemplateColours = Readonly<Record<(typeof COLOUR_KEYS)[number], string>> & {
  readonly [Group in keyof ColourGroups]: Readonly<Record<ColourGroups[Group][number], string>>;
};

export interface SummaryTemplate {
  readonly page: {
    readonly size: PageSize;
    readonly margins: Readonly<Record<(typeof MARGIN_SIDES)[number], number>>;
  };
  readonly colours: TemplateColours;
  readonly sections: readonly SectionId[];
  readonly labels: Readonly<Record<SummaryLanguage, TemplateLabels>>;
}

export class TemplateValidationError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`Invalid summary template ${source}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'TemplateValidationError';
  }
}

export function defaultSummaryTemplatePath(): string {
  return join(process.cwd(), 'templates', 'summary-report.json');
}

const loadedTemplates = new Map<string, SummaryTemplate>();

/** Reads, validates and caches a template file; later calls for the same file parse nothing. */
export function loadSummaryTemplate(path: string = defaultSummaryTemplatePath()): SummaryTemplate {
  const file = resolve(path);
  const cached = loadedTemplates.get(file);
  if (cached) return cached;

  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new TemplateValidationError(file, [`is not valid JSON (${error.message})`]);
  }
  const template = parseSummaryTemplate(raw, file);
  loadedTemplates.set(file, template);
  return template;
}

/**
 * Validates a parsed template and returns it deeply frozen (it is shared by every render).
 * Throws a TemplateValidationError listing every problem, so one attempt reveals them all.
 */
export function parseSummaryTemplate(raw: unknown, source = 'template'): SummaryTemplate {
  const problems: string[] = [];
  const root = readObject(raw, '', problems, ['page', 'colours', 'sections', 'labels']);
  if (root) {
    checkPage(root.page, problems);
    checkColours(root.colours, problems);
    checkSections(root.sections, problems);
    checkLabels(root.labels, problems);
  }
  if (problems.length > 0) throw new TemplateValidationError(source, problems);
  // Every key was checked above and unknown keys were refused, so the shape is exactly the type.
  return deepFreeze(raw as SummaryTemplate);
}

function checkPage(value: unknown, problems: string[]): void {
  const page = readObject(value, 'page', problems, ['size', 'margins']);
  if (!page) return;
  if (page.size === undefined) problems.push('page.size is missing');
  else if (!PAGE_SIZES.includes(page.size as PageSize)) {
    problems.push(`page.size must be one of ${PAGE_SIZES.join(', ')} (got ${JSON.stringify(page.size)})`);
  }
  const margins = readObject(page.margins, 'page.margins', problems, MARGIN_SIDES);
  if (!margins) return;
  for (const side of MARGIN_SIDES) {
    const margin = margins[side];
    // Header and footer are drawn inside the top and bottom margins, so those need some room.
    const min = side === 'top' || side === 'bottom' ? 36 : 18;
    if (margin === undefined) problems.push(`page.margins.${side} is missing`);
    else if (typeof margin !== 'number' || !Number.isFinite(margin) || margin < min || margin > 144) {
      problems.push(`page.margins.${side} must be a number of points from ${min} to 144 (got ${JSON.stringify(margin)})`);
    }
  }
}

function checkColours(value: unknown, problems: string[]): void {
  const colours = readObject(value, 'colours', problems, [...COLOUR_KEYS, ...Object.keys(COLOUR_GROUPS)]);
  if (!colours) return;
  const checkColour = (colour: unknown, path: string): void => {
    if (colour === undefined) problems.push(`${path} is missing`);
    else if (typeof colour !== 'string' || !/^#[0-9a-fA-F]{6}$/.test(colour)) {
      problems.push(`${path} must be a #rrggbb colour (got ${JSON.stringify(colour)})`);
    }
  };
  for (const key of COLOUR_KEYS) checkColour(colours[key], `colours.${key}`);
  for (const [group, keys] of Object.entries(COLOUR_GROUPS)) {
    const groupColours = readObject(colours[group], `colours.${group}`, problems, keys);
    if (groupColours) for (const key of keys) checkColour(groupColours[key], `colours.${group}.${key}`);
  }
}

function checkSections(value: unknown, problems: string[]): void {
  if (value === undefined) return void problems.push('sections is missing');
  if (!Array.isArray(value) || value.length === 0) {
    return void problems.push('sections must be a non-empty array of section names');
  }
  const seen = new Set<unknown>();
  value.forEach((section: unknown, index) => {
    if (!SECTION_IDS.includes(section as SectionId)) {
      problems.push(`sections[${index}] ${JSON.stringify(section)} is not a known section (${SECTION_IDS.join(', ')})`);
    } else if (seen.has(section)) {
      problems.push(`sections[${index}] "${String(section)}" appears more than once`);
    }
    seen.add(section);
  });
}

function checkLabels(value: unknown, problems: string[]): void {
  const labels = readObject(value, 'labels', problems, LANGUAGES);
  if (!labels) return;
  for (const language of LANGUAGES) {
    const path = `labels.${language}`;
    const languageLabels = readObject(labels[language], path, problems, [
      ...Object.keys(TEXT_LABELS),
      ...Object.keys(LABEL_GROUPS),
    ]);
    if (!languageLabels) continue;
    for (const [key, placeholders] of Object.entries(TEXT_LABELS)) {
      checkLabel(languageLabels[key], `${path}.${key}`, placeholders, problems);
    }
    for (const [group, keys] of Object.entries(LABEL_GROUPS)) {
      const groupLabels = readObject(languageLabels[group], `${path}.${group}`, problems, keys);
      if (groupLabels) for (const key of keys) checkLabel(groupLabels[key], `${path}.${group}.${key}`, [], problems);
    }
  }
}

function checkLabel(label: unknown, path: string, placeholders: readonly string[], problems: string[]): void {
  if (label === undefined) return void problems.push(`${path} is missing`);
  if (typeof label !== 'string' || label.trim() === '') {
    return void problems.push(`${path} must be a non-empty string (got ${JSON.stringify(label)})`);
  }
  const used = new Set([...label.matchAll(/\{(\w+)\}/g)].map((match) => match[1]));
  for (const placeholder of placeholders) {
    if (!used.has(placeholder)) problems.push(`${path} must contain {${placeholder}}`);
  }
  for (const placeholder of used) {
    if (!placeholders.includes(placeholder)) problems.push(`${path} has unknown placeholder {${placeholder}}`);
  }
}

/** Reads an object at `path`, reporting it when absent or not an object, and reporting unknown keys (typos). */
function readObject(
  value: unknown,
  path: string,
  problems: string[],
  knownKeys: readonly string[],
): Record<string, unknown> | undefined {
  const name = path === '' ? 'the template' : path;
  if (value === undefined) {
    problems.push(`${name} is missing`);
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(`${name} must be an object`);
    return undefined;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!knownKeys.includes(key)) problems.push(`${path === '' ? key : `${path}.${key}`} is not a known key`);
  }
  return record;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
