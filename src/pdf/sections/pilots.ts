import { fillLabel, formatInstant, localName } from '../format.js';
import type { PilotReport, PilotSection } from '../summary-data.js';
import { drawIndicatorTable, drawTaskTable } from './pilot-tables.js';
import type { SectionContext } from './section-context.js';

const BLOCK_GAP = 14;
const HEADING_GAP = 5;

/** One part per pilot in scope, each starting on its own page with its own outline entry. */
export async function drawPilots(context: SectionContext): Promise<void> {
  const { canvas, data, labels } = context;
  canvas.sectionTitle(labels.sectionTitles.pilots);
  for (const [index, pilot] of data.pilots.entries()) {
    if (index > 0) canvas.startPage();
    context.bookmark.addItem(localName(data.language, pilot.nameZh, pilot.nameEn));
    drawPilot(context, pilot);
    await context.pilotDrawn(index + 1);
  }
}

function drawPilot(context: SectionContext, pilot: PilotSection): void {
  const { canvas, data, labels } = context;
  const { styles } = canvas;
  canvas.heading(localName(data.language, pilot.nameZh, pilot.nameEn), styles.pilotTitle, 60);
  canvas.moveDown(2);
  const meta = fillLabel(labels.pilotMeta, {
    kind: labels.pilotKinds[pilot.kind],
    province: localName(data.language, pilot.provinceZh, pilot.provinceEn),
    code: pilot.code,
  });
  canvas.paragraph(meta, styles.muted);
  canvas.moveDown(6);
  drawReportStatus(context, pilot.report);
  canvas.moveDown(BLOCK_GAP);

  subheading(context, `${labels.tasksHeading} (${pilot.tasks.length})`);
  if (pilot.tasks.length === 0) canvas.paragraph(labels.noTasks, styles.muted);
  else drawTaskTable(context, pilot.tasks);

  if (pilot.indicators.length > 0) {
    canvas.moveDown(BLOCK_GAP);
    subheading(context, labels.indicatorsHeading);
    drawIndicatorTable(context, pilot.indicators);
  }
  if (pilot.report?.summary) {
    canvas.moveDown(BLOCK_GAP);
    subheading(context, labels.summaryHeading);
    canvas.paragraph(pilot.report.summary, styles.body);
  }
  drawNarratives(context, pilot);
  if (pilot.report && pilot.report.reviews.length > 0) drawReviews(context, pilot.report);
  if (pilot.attachments.length > 0) {
    canvas.moveDown(BLOCK_GAP);
    subheading(context, labels.attachmentsHeading);
    for (const file of pilot.attachments) canvas.paragraph(`•  ${file}`, styles.body);
  }
}

/** The report's status as a coloured badge, or an unmistakable "not submitted" marker. */
function drawReportStatus({ canvas, data, labels, colours }: SectionContext, report: PilotReport | null): void {
  const { styles } = canvas;
  const [badge, badgeColour, details] =
    report === null
      ? [labels.notSubmitted, colours.notSubmitted, labels.notSubmittedNote]
      : [labels.reportStatuses[report.status], colours.reportStatuses[report.status], reportDetails(report, { data, labels })];
  const detailsX = canvas.left + canvas.widthOf(badge, styles.bodyBold) + 16;
  const detailsSize = canvas.measure(details, styles.body, canvas.right - detailsX);
  const height = Math.max(canvas.lineHeight(styles.bodyBold), detailsSize.height);
  canvas.ensureSpace(height);
  const top = canvas.y;
  canvas.badge(badge, canvas.left, top, badgeColour, styles.bodyBold);
  canvas.textBox(details, styles.body, detailsX, top + 1, canvas.right - detailsX, { measured: detailsSize });
  canvas.y = top + height + 2;
}

function reportDetails(report: PilotReport, { data, labels }: Pick<SectionContext, 'data' | 'labels'>): string {
  const submitted =
    report.submittedAt === null
      ? []
      : [
          `${labels.submittedAt} ${formatInstant(report.submittedAt, data.timezone)}`,
          report.onTime ? labels.submittedOnTime : labels.submittedLate,
        ];
  return [fillLabel(labels.revision, { revision: report.revision }), ...submitted].join(' · ');
}

function drawNarratives(context: SectionContext, pilot: PilotSection): void {
  const { canvas, labels } = context;
  const narrated = pilot.tasks.filter((task) => task.narrative);
  if (narrated.length === 0) return;
  canvas.moveDown(BLOCK_GAP);
  subheading(context, labels.narrativesHeading);
  for (const task of narrated) {
    canvas.heading(`${task.code} ${task.title}`, canvas.styles.bodyBold, canvas.lineHeight(canvas.styles.body) * 2);
    canvas.paragraph(task.narrative ?? '', canvas.styles.body);
    canvas.moveDown(HEADING_GAP);
  }
}

function drawReviews(context: SectionContext, report: PilotReport): void {
  const { canvas, data, labels } = context;
  canvas.moveDown(BLOCK_GAP);
  subheading(context, labels.reviewsHeading);
  for (const review of report.reviews) {
    const heading = `${formatInstant(review.at, data.timezone)} · ${labels.reviewDecisions[review.decision]}`;
    canvas.heading(heading, canvas.styles.bodyBold, canvas.lineHeight(canvas.styles.body) * 2);
    canvas.paragraph(review.note ?? labels.reviewNoNote, canvas.styles.body);
    canvas.moveDown(HEADING_GAP);
  }
}

function subheading({ canvas }: SectionContext, text: string): void {
  canvas.heading(text, canvas.styles.subheading, 50);
  canvas.moveDown(HEADING_GAP);
}
